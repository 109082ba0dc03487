// `npm test` step: fails when a module imports itself back through others (an import cycle), type-only imports
// included: a cycle is a knot between concepts even when the bundler erases one edge. Each cycle is printed as its
// files. It also fails when the folders of a package's src import each other in a ring (server/src/tickets ->
// server/src/history -> server/src/tickets): folders are domains and layers, and each must depend only downward
// (docs/architecture.md). `--graph` prints every folder-to-folder edge.
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

/** Strongly connected groups of more than one node (Tarjan), each sorted: every node in a group reaches the others. */
function knots(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
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
    if (group.length > 1) groups.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups;
}

/** The file-level import cycles under `dirs`, each as its files. */
export function findCycles(dirs) {
  const files = sourceFiles(dirs);
  const known = new Set(files);
  return knots(new Map(files.map((f) => [f, importsOf(f, known)])));
}

/**
 * The folder graph of one package's src: each file belongs to its first folder under `srcDir` (a file directly in
 * it is a node of its own). Returns every edge, with the imports that make it, and the folder cycles.
 */
export function folderGraph(srcDir) {
  const files = sourceFiles([srcDir]);
  const known = new Set(files);
  const folderOf = (f) => path.relative(srcDir, f).split(path.sep)[0];
  const edges = new Map();
  for (const f of files) {
    for (const t of importsOf(f, known)) {
      const [a, b] = [folderOf(f), folderOf(t)];
      if (a === b) continue;
      const key = `${a} -> ${b}`;
      if (!edges.has(key)) edges.set(key, { from: a, to: b, imports: [] });
      edges.get(key).imports.push(`${path.relative(srcDir, f)} -> ${path.relative(srcDir, t)}`);
    }
  }
  const graph = new Map(files.map((f) => [folderOf(f), []]));
  for (const { from, to } of edges.values()) graph.get(from).push(to);
  const cycles = knots(graph);
  return { edges: [...edges.values()].sort((x, y) => (x.from + x.to).localeCompare(y.from + y.to)), cycles };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const packages = ["server/src", "widget/src", "console/src", "shared/src"];
  const dirs = [...packages, "server/test"].map((d) => path.join(root, d));
  const cycles = findCycles(dirs);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => path.relative(root, f)).join(" <-> ")}`);
  let folderCycles = 0;
  let folderEdges = 0;
  for (const pkg of packages) {
    const { edges, cycles: rings } = folderGraph(path.join(root, pkg));
    folderEdges += edges.length;
    if (process.argv.includes("--graph"))
      for (const e of edges) console.log(`${pkg}: ${e.from} -> ${e.to} (${e.imports.length})`);
    for (const ring of rings) {
      folderCycles++;
      const inRing = new Set(ring);
      console.error(`folder cycle in ${pkg}: ${ring.join(", ")}; its edges:`);
      for (const e of edges) {
        if (inRing.has(e.from) && inRing.has(e.to)) console.error(`  ${e.from} -> ${e.to}: ${e.imports.join("; ")}`);
      }
    }
  }
  console.log(
    `import cycles: ${cycles.length} (${sourceFiles(dirs).length} files); folder cycles: ${folderCycles} (${folderEdges} folder edges)`,
  );
  process.exit(cycles.length || folderCycles ? 1 : 0);
}
