import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { carryForward, MANIFEST } from "./keep-chunks.mjs";
import { precompress } from "./precompress.mjs";

let root;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** One build's output directory: an unhashed entry and the given hashed chunks. */
function build(name, chunks) {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "assets"), { recursive: true });
  writeFileSync(path.join(dir, "app.js"), `// ${name}\n`);
  for (const c of chunks) writeFileSync(path.join(dir, c), `export const from = ${JSON.stringify(name)};\n`);
  return dir;
}

describe("carrying chunks forward across builds", () => {
  it("should keep an earlier build's chunks, bounded to the last three builds", () => {
    root = mkdtempSync(path.join(tmpdir(), "parley-keep-"));
    const b1 = build("b1", ["Tickets-AAAAAAAA.js", "assets/shared-SSSSSSSS.js"]);
    expect(carryForward(undefined, b1)).toEqual([]);
    const b2 = build("b2", ["Tickets-BBBBBBBB.js", "assets/shared-SSSSSSSS.js"]);
    expect(carryForward(b1, b2)).toEqual(["Tickets-AAAAAAAA.js"]);
    // The kept file is the old build's bytes, not a copy of the new one.
    expect(readFileSync(path.join(b2, "Tickets-AAAAAAAA.js"), "utf8")).toContain('"b1"');
    const b3 = build("b3", ["Tickets-CCCCCCCC.js"]);
    expect(carryForward(b2, b3)).toEqual(["Tickets-AAAAAAAA.js", "Tickets-BBBBBBBB.js", "assets/shared-SSSSSSSS.js"]);
    const b4 = build("b4", ["Tickets-DDDDDDDD.js"]);
    carryForward(b3, b4);
    // b1's chunk was only in b1, now four builds back: gone. b2's and b3's stay.
    expect(existsSync(path.join(b4, "Tickets-AAAAAAAA.js"))).toBe(false);
    expect(existsSync(path.join(b4, "Tickets-BBBBBBBB.js"))).toBe(true);
    expect(existsSync(path.join(b4, "Tickets-CCCCCCCC.js"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(b4, MANIFEST), "utf8"))).toEqual([
      ["Tickets-DDDDDDDD.js"],
      ["Tickets-CCCCCCCC.js"],
      ["Tickets-BBBBBBBB.js", "assets/shared-SSSSSSSS.js"],
    ]);
  });

  it("should not let a rebuild of unchanged sources push an older build out", () => {
    root = mkdtempSync(path.join(tmpdir(), "parley-keep-"));
    const b1 = build("b1", ["Tickets-AAAAAAAA.js"]);
    carryForward(undefined, b1);
    const b2 = build("b2", ["Tickets-BBBBBBBB.js"]);
    carryForward(b1, b2);
    const b3 = build("b3", ["Tickets-BBBBBBBB.js"]);
    carryForward(b2, b3);
    const b4 = build("b4", ["Tickets-BBBBBBBB.js"]);
    carryForward(b3, b4);
    expect(existsSync(path.join(b4, "Tickets-AAAAAAAA.js"))).toBe(true);
  });

  it("should treat a previous build without a manifest as one build", () => {
    root = mkdtempSync(path.join(tmpdir(), "parley-keep-"));
    const old = build("old", ["Tickets-AAAAAAAA.js"]);
    const next = build("next", ["Tickets-BBBBBBBB.js"]);
    expect(carryForward(old, next)).toEqual(["Tickets-AAAAAAAA.js"]);
  });
});

describe("precompressing a build", () => {
  it("should write .br and .gz next to text files, never for dotfiles or already-compressed formats", () => {
    root = mkdtempSync(path.join(tmpdir(), "parley-keep-"));
    const dir = build("b1", []);
    writeFileSync(path.join(dir, "app.js"), "export const x = 1;\n".repeat(200));
    writeFileSync(path.join(dir, "logo.png"), Buffer.alloc(2000));
    writeFileSync(path.join(dir, MANIFEST), "[]".repeat(200));
    precompress(dir);
    expect(existsSync(path.join(dir, "app.js.br"))).toBe(true);
    expect(existsSync(path.join(dir, "app.js.gz"))).toBe(true);
    expect(existsSync(path.join(dir, "logo.png.br"))).toBe(false);
    expect(existsSync(path.join(dir, `${MANIFEST}.br`))).toBe(false);
  });
});
