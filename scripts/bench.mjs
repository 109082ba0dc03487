// `npm run bench`: prints figures; it asserts nothing (targets are read, not enforced in tests).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run("npm", ["run", "build", "--silent"]);
console.log("bundle sizes (raw / gzip)");
const lazy = (dir, prefix) =>
  readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".js"))
    .map((f) => `${dir}/${f}`);
for (const file of ["widget/dist/widget.js", "widget/dist/app.js", ...lazy("widget/dist", "TicketsView")]) {
  const raw = readFileSync(file);
  console.log(
    `  ${file.padEnd(32)} ${String(statSync(file).size).padStart(7)} B / ${String(gzipSync(raw).length).padStart(6)} B`,
  );
}
// The console's first load: the entry script and what index.html preloads with it (its budget is 40 kB gz:
// scripts/bundle-budgets.mjs).
const consoleHtml = readFileSync("console/dist/index.html", "utf8");
const firstLoad = [...consoleHtml.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map(
  (m) => `console/dist/${m[1]}`,
);
let firstLoadGz = 0;
for (const file of firstLoad) {
  const raw = readFileSync(file);
  firstLoadGz += gzipSync(raw).length;
  console.log(
    `  ${file.padEnd(32)} ${String(statSync(file).size).padStart(7)} B / ${String(gzipSync(raw).length).padStart(6)} B`,
  );
}
console.log(`  console first load (scripts)     ${String(firstLoadGz).padStart(17)} B gzip`);
run("npx", ["tsx", "server/bench/routing.bench.ts"]);
run("npx", ["tsx", "server/bench/tickets.bench.ts"]);
