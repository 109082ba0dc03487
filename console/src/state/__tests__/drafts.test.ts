import { describe, expect, it } from "vitest";
import { Drafts, MAX_DRAFTS } from "../drafts.ts";

/** Storage's contract in memory (the unit tests run without a browser). */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe("drafts", () => {
  it("should survive a reload, per agent, and go when deleted", () => {
    const storage = new MemoryStorage();
    const ana = new Drafts(storage, "ana");
    ana.set("c1", "half a sentence");
    ana.set("c2", "another");
    ana.delete("c2");

    const reloaded = new Drafts(storage, "ana");
    expect(reloaded.get("c1")).toBe("half a sentence");
    expect(reloaded.get("c2")).toBeUndefined();
    // Another agent on the same browser sees none of Ana's.
    expect(new Drafts(storage, "bob").get("c1")).toBeUndefined();
  });

  it("should keep at most MAX_DRAFTS, dropping the one changed longest ago", () => {
    const storage = new MemoryStorage();
    const drafts = new Drafts(storage, "ana");
    for (let i = 0; i <= MAX_DRAFTS; i++) drafts.set(`c${i}`, `draft ${i}`);
    expect(drafts.get("c0")).toBeUndefined();
    expect(drafts.get(`c${MAX_DRAFTS}`)).toBe(`draft ${MAX_DRAFTS}`);
    expect(storage.length).toBe(MAX_DRAFTS);
  });

  it("should keep drafts in memory when storage refuses them", () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    const drafts = new Drafts(storage, "ana");
    drafts.set("c1", "kept for the session");
    expect(drafts.get("c1")).toBe("kept for the session");
  });
});
