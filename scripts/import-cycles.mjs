// `npm test` step: fails when a module imports itself back through others (an import cycle), type-only imports
// included: a cycle is a knot between concepts even when the bundler erases one edge. Each cycle is printed as its
// files. The folder-level graph still has knots (wiring inside domains); this keeps new file cycles out meanwhile.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The source files under `dirs` (tests left out: they import what they test, and nothing imports them). */
function sourceFiles(dirs) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const p = path.join(dir, entry);
      if (statSync(p).isDirectory()) {
        if (entry !== "node_modules" && entry !== "__tests__" && entry !== "dist") walk(p);
      } else if (/\.(ts|tsx|mts|mjs)$/.test(entry) && !/\.test\.[a-z]+$/.test(entry)) files.push(p);
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}

/** Relative imports and re-exports, static, of `import type` too; every import here names its file's extension. */
function importsOf(file, known) {
  const code = readFileSync(file, "utf8");
  const found = [];
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = path.normalize(path.join(path.dirname(file), m[1]));
    if (known.has(target)) found.push(target);
  }
  return found;
}

/** Strongly connected groups of more than one file (Tarjan), each a cycle's files. */
export function findCycles(dirs) {
  const files = sourceFiles(dirs);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const group = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dirs = ["server/src", "server/test", "widget/src", "console/src", "shared/src"].map((d) => path.join(root, d));
  const cycles = findCycles(dirs);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => path.relative(root, f)).join(" <-> ")}`);
  console.log(`import cycles: ${cycles.length} (${sourceFiles(dirs).length} files)`);
  process.exit(cycles.length ? 1 : 0);
}
