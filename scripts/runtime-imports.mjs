// `npm test` step: what each browser package may load at run time. The widget's bundle is budgeted and must not
// pull in zod (the @parley/shared barrel loads every schema) or anything of Node or the server; the console and
// shared code run in browsers too. Type-only imports are free: they are erased. Tests are left out.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_ONLY = /^(node:|mongoose$|express$|socket\.io$|ioredis$|pino$|nodemailer$|smtp-server$|mailparser$)/;

/** Per source tree: which module specifiers a value import may not name, and why. */
export const RULES = [
  {
    dir: "widget/src",
    refuse: (spec) =>
      spec === "@parley/shared" || spec === "zod"
        ? "loads zod into the budgeted widget: import a subpath (@parley/shared/constants, …) or `import type`"
        : SERVER_ONLY.test(spec)
          ? "is Node or server code"
          : null,
  },
  { dir: "console/src", refuse: (spec) => (SERVER_ONLY.test(spec) ? "is Node or server code" : null) },
  { dir: "shared/src", refuse: (spec) => (SERVER_ONLY.test(spec) ? "is Node or server code" : null) },
];

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (entry !== "__tests__" && entry !== "node_modules") files.push(...sourceFiles(p));
    } else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(p);
  }
  return files;
}

/** Value imports and re-exports (not `import type`/`export type`), static and dynamic, with their specifiers. */
export function valueImports(code) {
  const specs = [];
  for (const m of code.matchAll(/(?:^|\n)\s*(import|export)\s+(?!type\s)[^;]*?from\s*["']([^"']+)["']/g))
    specs.push(m[2]);
  for (const m of code.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) specs.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]);
  return specs;
}

/** Every refused import under `root`, as "file: import 'x' <why>". */
export function findViolations(root, rules = RULES) {
  const found = [];
  for (const { dir, refuse } of rules) {
    for (const file of sourceFiles(path.join(root, dir))) {
      for (const spec of valueImports(readFileSync(file, "utf8"))) {
        const why = refuse(spec);
        if (why) found.push(`${path.relative(root, file)}: import "${spec}" ${why}`);
      }
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findViolations(fileURLToPath(new URL("..", import.meta.url)));
  for (const line of found) console.error(line);
  console.log(`runtime imports: ${found.length} refused`);
  process.exit(found.length ? 1 : 0);
}
