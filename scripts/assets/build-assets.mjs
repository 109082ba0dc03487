// The steps around a Vite build of the widget or the console (see their package.json):
//   node ../scripts/assets/build-assets.mjs before dist   sets the previous build aside
//   node ../scripts/assets/build-assets.mjs after dist    carries its hashed chunks forward, then precompresses
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { carryForward } from "./keep-chunks.mjs";
import { precompress } from "./precompress.mjs";

const [step, dir] = process.argv.slice(2);
if (!dir || (step !== "before" && step !== "after")) {
  console.error("usage: build-assets.mjs before|after <dist>");
  process.exit(2);
}
const dist = path.resolve(dir);
// Kept where git, the Docker context and the server never look (node_modules is ignored by all three).
const prev = path.join(path.dirname(dist), "node_modules", ".cache", "parley-previous-dist");
if (step === "before") {
  rmSync(prev, { recursive: true, force: true });
  mkdirSync(path.dirname(prev), { recursive: true });
  if (existsSync(dist)) renameSync(dist, prev);
} else {
  const copied = carryForward(prev, dist);
  rmSync(prev, { recursive: true, force: true });
  const written = precompress(dist);
  console.log(
    `${path.basename(path.dirname(dist))}: ${copied.length} chunks kept from earlier builds, ${written} .br/.gz files`,
  );
}
