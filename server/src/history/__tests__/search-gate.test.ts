import { describe, expect, it } from "vitest";
import { SearchGate } from "../search-gate.ts";

/** A piece of work that ends when the test says so. */
function held(name: string, started: string[]) {
  let release = () => {};
  const done = new Promise<void>((r) => {
    release = r;
  });
  return {
    work: () => {
      started.push(name);
      return done;
    },
    release,
  };
}

describe("SearchGate", () => {
  it("should run as many per site as allowed (two here), queue the next ones in order and refuse past the queue", async () => {
    const gate = new SearchGate(2, 1);
    const started: string[] = [];
    const a = held("a", started);
    const b = held("b", started);
    const pa = gate.run("s1", a.work);
    const pb = gate.run("s1", b.work);
    const pc = gate.run("s1", async () => void started.push("c"));
    // Another site has its own slots.
    await gate.run("s2", async () => void started.push("other"));
    await expect(gate.run("s1", async () => {})).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(started).toEqual(["a", "b", "other"]);
    a.release();
    await pa;
    await pc;
    expect(started).toEqual(["a", "b", "other", "c"]);
    b.release();
    await pb;
  });

  it("should free the slot when the work fails", async () => {
    const gate = new SearchGate(1, 0);
    await expect(gate.run("s", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run("s", async () => 7)).resolves.toBe(7);
  });
});
