// Deploy safety for lazily loaded chunks. A page that loaded the previous build's entry (the widget's app.js,
// the console's index) asks, later, for that build's chunk names. Chunk names carry their content hash, so an
// unchanged chunk keeps its name; a changed one gets a new name and the old file would be gone. So each build
// carries the previous builds' hashed files forward, bounded to the last KEEP_BUILDS builds, and records which
// build produced which file in a manifest the server never serves (a dotfile).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "./precompress.mjs";

/** The current build plus the two before it: a tab open across two deploys still finds its chunks. */
export const KEEP_BUILDS = 3;
export const MANIFEST = ".parley-builds.json";
/** `name-HASH.ext` as Vite/Rolldown write them (the hash is 8 base64url characters). */
export const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css|mjs)$/;

function readManifest(dir) {
  try {
    const builds = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8"));
    if (Array.isArray(builds) && builds.every((b) => Array.isArray(b) && b.every((f) => typeof f === "string"))) {
      return builds;
    }
  } catch {}
  return undefined;
}

const hashedFiles = (dir) => listFiles(dir).filter((f) => HASHED.test(f) && !f.includes(".."));

/**
 * Copies into `dist` the hashed files of the builds recorded in `prev` (the directory the previous build
 * left), keeping the `keep - 1` most recent of them, and writes `dist`'s manifest. `prev` may be missing (a
 * first build, or a fresh container build): then only the new build is recorded.
 * Returns the files copied forward.
 */
export function carryForward(prev, dist, keep = KEEP_BUILDS) {
  const current = hashedFiles(dist).sort();
  let older = [];
  if (prev && existsSync(prev)) older = readManifest(prev) ?? [hashedFiles(prev).sort()];
  // A rebuild of unchanged sources is the same build: recording it twice would push a real one out.
  older = older.filter((b) => b.join("\n") !== current.join("\n"));
  const builds = [current, ...older].slice(0, keep);
  const copied = [];
  for (const rel of new Set(builds.slice(1).flat())) {
    const from = path.join(prev, rel);
    const to = path.join(dist, rel);
    if (existsSync(to) || !existsSync(from)) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied.push(rel);
  }
  writeFileSync(path.join(dist, MANIFEST), `${JSON.stringify(builds)}\n`);
  return copied.sort();
}
