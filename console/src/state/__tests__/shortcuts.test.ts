import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../shortcut-list.ts";
import { type KeyPress, shortcutFor } from "../shortcuts.ts";

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: "",
  code: "",
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inField: false,
  ...over,
});

describe("shortcutFor", () => {
  it("maps Alt+A, Alt+N, Alt+C and Alt+/ by physical key, in fields too", () => {
    expect(shortcutFor(press({ altKey: true, code: "KeyA", key: "a" }))).toBe("accept");
    // macOS: Alt+A types "å"; the physical key still decides.
    expect(shortcutFor(press({ altKey: true, code: "KeyA", key: "å", inField: true }))).toBe("accept");
    expect(shortcutFor(press({ altKey: true, code: "KeyN", key: "n" }))).toBe("nextChat");
    expect(shortcutFor(press({ altKey: true, code: "KeyC", key: "c", inField: true }))).toBe("composer");
    expect(shortcutFor(press({ altKey: true, code: "Slash", key: "/" }))).toBe("canned");
  });
  it("opens the help with ? outside fields only", () => {
    expect(shortcutFor(press({ key: "?", code: "Slash" }))).toBe("help");
    expect(shortcutFor(press({ key: "?", code: "Slash", inField: true }))).toBeNull();
  });
  it("ignores plain letters, Ctrl/Cmd combinations and AltGr (Ctrl+Alt), so typing and browser keys work", () => {
    expect(shortcutFor(press({ key: "a", code: "KeyA" }))).toBeNull();
    expect(shortcutFor(press({ key: "a", code: "KeyA", inField: true }))).toBeNull();
    expect(shortcutFor(press({ ctrlKey: true, code: "KeyC", key: "c" }))).toBeNull();
    expect(shortcutFor(press({ metaKey: true, altKey: true, code: "KeyA", key: "a" }))).toBeNull();
    expect(shortcutFor(press({ ctrlKey: true, altKey: true, code: "KeyA", key: "ą" }))).toBeNull();
    expect(shortcutFor(press({ altKey: true, code: "KeyZ", key: "z" }))).toBeNull();
  });
  it("lists every action once in the help", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toEqual(["accept", "nextChat", "composer", "canned", "help", "close"]);
  });
});
