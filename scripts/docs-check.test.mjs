import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { anchorsOf, brokenLinks, docsProblems, envVariablesOf, slugOf, undocumented } from "./docs-check.mjs";

const files = {
  "docs/setup.md":
    '# Setup\n\n## Several nodes (Redis)\n\n## Typing, "Seen" and drafts\n\n```sh\n# not a heading\n```\n',
  "server/src/main.ts": "export {};\n",
};
const read = (rel) => files[rel] ?? null;

let root;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe("the docs check", () => {
  it("should turn headings into GitHub's anchors, skipping code blocks", () => {
    expect(slugOf("Several nodes (Redis)")).toBe("several-nodes-redis");
    expect(slugOf("Deploys don't break open pages")).toBe("deploys-dont-break-open-pages");
    expect(slugOf("`server/src/`: one folder per job")).toBe("serversrc-one-folder-per-job");
    expect([...anchorsOf(files["docs/setup.md"])]).toEqual(["setup", "several-nodes-redis", "typing-seen-and-drafts"]);
  });

  it("should pass links to existing files and headings, and leave URLs and code alone", () => {
    const docs = {
      "README.md":
        "See [setup](docs/setup.md), [Redis](docs/setup.md#several-nodes-redis), [code](server/src/main.ts),\n" +
        "[site](https://example.com/missing.md), `[text](url)` and [top](#readme).\n\n# Readme\n",
    };
    expect(brokenLinks(docs, read)).toEqual([]);
  });

  it("should report a missing file, a missing heading and a missing anchor in the same file, with lines", () => {
    const docs = {
      "README.md": "# Readme\n\n[gone](docs/deploy.md)\n[typo](docs/setup.md#several-nodes)\n",
      "docs/api.md": "# API\n\n[back](../README.md#readme) and [here](#webhooks)\n",
    };
    expect(brokenLinks(docs, read)).toEqual([
      "README.md:3: docs/deploy.md: no file docs/deploy.md",
      "README.md:4: docs/setup.md#several-nodes: no heading #several-nodes in docs/setup.md",
      "docs/api.md:3: #webhooks: no heading #webhooks in docs/api.md",
    ]);
  });

  it("should find the variables of the env schema and of process.env, and those a doc leaves out", () => {
    const source = [
      "const EnvSchema = z.object({",
      "  PORT: z.coerce.number().default(3000),",
      "  /** Where browsers reach us. */",
      "  PUBLIC_URL: z.url().optional(),",
      "  SMTP_URL: z",
      "    .string()",
      "    .optional(),",
      "});",
      'const pprof = process.env.PARLEY_DEVDB_PPROF ?? process.env["PARLEY_PASSWORD"];',
    ].join("\n");
    const variables = envVariablesOf(source);
    expect(variables).toEqual(["PORT", "PUBLIC_URL", "SMTP_URL", "PARLEY_DEVDB_PPROF", "PARLEY_PASSWORD"]);
    // Named in a sentence without backticks does not count: SMTP_URL here.
    const doc = "| `PORT` | 3000 |\n| `PUBLIC_URL` | |\nSMTP_URL is mentioned loosely; `PARLEY_DEVDB_PPROF`.";
    expect(undocumented(variables, doc)).toEqual(["SMTP_URL", "PARLEY_PASSWORD"]);
  });

  it("should refuse a long README and a variable the config reads that docs/configuration.md leaves out", () => {
    root = mkdtempSync(path.join(tmpdir(), "parley-docs-"));
    const write = (rel, text) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    write("README.md", `# Parley\n\n[Configuration](docs/configuration.md)\n${"More.\n".repeat(120)}`);
    write("docs/configuration.md", "# Configuration\n\n| `PORT` | `3000` |\n");
    write(
      "server/src/config/config.ts",
      "const EnvSchema = z.object({\n  PORT: z.number(),\n  HOST: z.string(),\n});\n",
    );
    expect(docsProblems(root)).toEqual([
      "README.md: 123 lines; keep it under 120 and move the rest to docs/",
      "docs/configuration.md: HOST (read in server/src/config) is not documented",
    ]);
    write("README.md", "# Parley\n\n[Configuration](docs/configuration.md)\n");
    write("docs/configuration.md", "# Configuration\n\n| `PORT` | `3000` |\n| `HOST` | `127.0.0.1` |\n");
    expect(docsProblems(root)).toEqual([]);
  });

  it("should find no problem in this repository's README.md and docs/", () => {
    expect(docsProblems(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."))).toEqual([]);
  });
});
