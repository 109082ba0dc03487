import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findViolations, valueImports } from "./runtime-imports.mjs";

let root;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function tree(files) {
  root = mkdtempSync(path.join(tmpdir(), "parley-imports-"));
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), code);
  }
  return root;
}

describe("the runtime-import check", () => {
  it("should tell value imports from type-only ones, static, mixed and dynamic", () => {
    const code = [
      'import type { A } from "@parley/shared";',
      'import type {\n  B,\n} from "zod";',
      'import { type C, D } from "@parley/shared";',
      'export { E } from "node:fs";',
      'import "mongoose";',
      'const later = () => import("express");',
    ].join("\n");
    expect(valueImports(code)).toEqual(["@parley/shared", "node:fs", "mongoose", "express"]);
  });

  it("should refuse the barrel and zod in the widget, and Node or server code in any browser package", () => {
    const dir = tree({
      "widget/src/ok.ts":
        'import type { MessageDto } from "@parley/shared";\nimport { X } from "@parley/shared/constants";\n',
      "widget/src/bad.ts": 'import { TicketFields } from "@parley/shared";\n',
      "console/src/ok.ts": 'import { TicketEscalateInput } from "@parley/shared";\n',
      "console/src/bad.tsx": 'import { readFileSync } from "node:fs";\n',
      "shared/src/bad.ts": 'import mongoose from "mongoose";\n',
      "widget/src/__tests__/free.test.ts": 'import { z } from "zod";\n',
    });
    expect(findViolations(dir).map((v) => v.split(":")[0])).toEqual([
      path.join("widget", "src", "bad.ts"),
      path.join("console", "src", "bad.tsx"),
      path.join("shared", "src", "bad.ts"),
    ]);
  });
});
