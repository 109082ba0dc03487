import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findCycles, folderGraph } from "./import-cycles.mjs";

let root;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A source tree from `{ "dir/file.ts": "contents" }`. */
function tree(files) {
  root = mkdtempSync(path.join(tmpdir(), "parley-cycles-"));
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), code);
  }
  return root;
}

describe("the import-cycle check", () => {
  it("should find a cycle through a type-only import, across folders, and name its files", () => {
    const dir = tree({
      "tickets/system.ts": 'import { watch } from "../sla/watch.ts";\nexport type Clock = () => Date;\n',
      "sla/watch.ts": 'import { escalate } from "../tickets/escalation.ts";\nexport const watch = 1;\n',
      "tickets/escalation.ts": 'import type {\n  Clock,\n} from "./system.ts";\nexport const escalate = 1;\n',
      "tickets/leaf.ts": 'import { watch } from "../sla/watch.ts";\n',
    });
    const cycles = findCycles([dir]);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.map((f) => path.relative(dir, f))).toEqual([
      path.join("sla", "watch.ts"),
      path.join("tickets", "escalation.ts"),
      path.join("tickets", "system.ts"),
    ]);
  });

  it("should pass the same tree once the back edge goes to a neutral module", () => {
    const dir = tree({
      "time/clock.ts": "export type Clock = () => Date;\n",
      "tickets/system.ts": 'import { watch } from "../sla/watch.ts";\n',
      "sla/watch.ts": 'import { escalate } from "../tickets/escalation.ts";\nexport const watch = 1;\n',
      "tickets/escalation.ts": 'import type { Clock } from "../time/clock.ts";\nexport const escalate = 1;\n',
      // Dynamic imports load later and are no cycle; tests are left out (they import what they test).
      "tickets/lazy.ts": 'export const load = () => import("./system.ts");\n',
      "tickets/system.test.ts": 'import "./system.ts";\n',
    });
    expect(findCycles([dir])).toEqual([]);
  });

  it("should find a ring between folders that has no file cycle, and name the imports that make it", () => {
    const dir = tree({
      // tickets/desk -> history/search -> tickets/model: no file imports itself back, but the folders do.
      "tickets/desk.ts": 'import { search } from "../history/search.ts";\n',
      "history/search.ts": 'import type { Ticket } from "../tickets/model.ts";\nexport const search = 1;\n',
      "tickets/model.ts": "export type Ticket = { id: string };\n",
      "time/clock.ts": "export type Clock = () => Date;\n",
      "history/clock-user.ts": 'import type { Clock } from "../time/clock.ts";\n',
    });
    expect(findCycles([dir])).toEqual([]);
    const { edges, cycles } = folderGraph(dir);
    expect(cycles).toEqual([["history", "tickets"]]);
    expect(edges.map((e) => `${e.from} -> ${e.to}: ${e.imports.join("; ")}`)).toEqual([
      `history -> tickets: ${path.join("history", "search.ts")} -> ${path.join("tickets", "model.ts")}`,
      `history -> time: ${path.join("history", "clock-user.ts")} -> ${path.join("time", "clock.ts")}`,
      `tickets -> history: ${path.join("tickets", "desk.ts")} -> ${path.join("history", "search.ts")}`,
    ]);
  });

  it("should pass folders that depend only downward, a file directly in src counting as its own node", () => {
    const dir = tree({
      "main.ts": 'import { desk } from "./tickets/desk.ts";\n',
      "tickets/desk.ts": 'import type { Row } from "../history/row.ts";\nexport const desk = 1;\n',
      "history/row.ts": 'import type { Clock } from "../time/clock.ts";\nexport type Row = { at: Clock };\n',
      "time/clock.ts": "export type Clock = () => Date;\n",
    });
    const { edges, cycles } = folderGraph(dir);
    expect(cycles).toEqual([]);
    expect(edges.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      "history -> time",
      "main.ts -> tickets",
      "tickets -> history",
    ]);
  });
});
