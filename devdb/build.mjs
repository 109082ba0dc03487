// Builds devdb: `node devdb/build.mjs [output]` (default devdb/devdb). Node built-ins only.
//
// devdb is built with one change to FerretDB 1.24.2, applied at build time: the module is copied from the Go
// module cache into devdb/.build/ (git-ignored), one function is changed there, and `go build` uses it through a
// `replace` in an alternate go.mod (-modfile). No copy of FerretDB's code lives in this repository. The change is in its SQLite backend's Query: a filter with an `_id`
// equality is pushed down to SQL as `WHERE _id = ?` whatever else the filter holds, where FerretDB pushes it down
// only when `_id` is the filter's only key. Every caller matches the whole filter against the documents a
// backend query returns (that is the backend's contract: pushdown is a pre-filter), so results are unchanged;
// the rest of the filter is just matched against one document instead of every document of the collection.
// A compare-and-set such as `{_id, status: "queued"}` then costs a lookup, as on MongoDB. See README.md.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const DEVDB_DIR = dirname(fileURLToPath(import.meta.url));
const MODULE = "github.com/FerretDB/FerretDB";
const FILE = "internal/backends/sqlite/collection.go";

const ORIGINAL = `	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {`;

const PATCHED = `	// devdb (devdb/build.mjs): an _id equality is pushed down whatever else the filter holds.
	if v, ok := devdbIDEquality(params.Filter); ok {
		switch v.(type) {`;

const HELPER = `
// devdbIDEquality returns the filter's _id value when the filter names _id once (added by devdb/build.mjs).
func devdbIDEquality(filter *types.Document) (any, bool) {
	n := 0
	for _, k := range filter.Keys() {
		if k == "_id" {
			n++
		}
	}
	if n != 1 {
		return nil, false
	}
	v, err := filter.Get("_id")
	return v, err == nil
}
`;

/** Names this patch: a work copy made by another version of it is made again. */
const PATCH_ID = `${ORIGINAL}\n=>\n${PATCHED}\n${HELPER}`;

export function build(output) {
  const go = (...args) =>
    execFileSync("go", args, { cwd: DEVDB_DIR, encoding: "utf8", env: { ...process.env, CGO_ENABLED: "0" } });
  const moduleDir = go("list", "-m", "-f", "{{.Dir}}", MODULE).trim();
  const version = go("list", "-m", "-f", "{{.Version}}", MODULE).trim();
  if (!moduleDir) throw new Error(`${MODULE} is not in the module cache: run \`go mod download\` in devdb/`);

  // A stable place, so Go's build cache keeps the compiled FerretDB between builds.
  const work = join(DEVDB_DIR, ".build");
  const copy = join(work, `ferretdb@${version}`);
  const marker = join(copy, ".devdb-patch");
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== PATCH_ID) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(moduleDir, copy, { recursive: true });
    makeWritable(copy);
    const target = join(copy, FILE);
    const original = readFileSync(target, "utf8");
    if (!original.includes(ORIGINAL)) {
      throw new Error(`${MODULE}@${version} ${FILE} is not the one devdb/build.mjs patches (FerretDB version changed?)`);
    }
    writeFileSync(target, original.replace(ORIGINAL, PATCHED) + HELPER);
    writeFileSync(marker, PATCH_ID);
  }
  const modfile = join(work, "go.mod");
  writeFileSync(modfile, `${readFileSync(join(DEVDB_DIR, "go.mod"), "utf8")}\nreplace ${MODULE} => ${copy}\n`);
  copyFileSync(join(DEVDB_DIR, "go.sum"), join(work, "go.sum"));
  go("build", "-trimpath", "-modfile", modfile, "-o", resolve(output), ".");
}

/** The module cache's files are read-only; the copy must not be. */
function makeWritable(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    chmodSync(path, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) makeWritable(path);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build(process.argv[2] ?? join(DEVDB_DIR, "devdb"));
}
