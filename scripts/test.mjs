// `npm test`: every check a change must pass, in the order that fails fastest.
// Prints each step's time and, last, one summary line of test counts.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const started = Date.now();
const results = "test-results";
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ["chromium", "node", ["scripts/ensure-chromium.mjs"]],
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["lint", "npx", ["biome", "check", "."]],
  ["import cycles", "node", ["scripts/import-cycles.mjs"]],
  ["runtime imports", "node", ["scripts/runtime-imports.mjs"]],
  ["devdb (go vet, go test)", "sh", ["-c", "cd devdb && go vet ./... && go test ./..."]],
  [
    "unit + integration",
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest.json`],
  ],
  ["build", "npm", ["run", "--silent", "build"]],
  ["bundle budgets", "node", ["scripts/bundle-budgets.mjs"]],
  ["container smoke (the Dockerfile's steps, without Docker)", "bash", ["scripts/container-smoke.sh"]],
  ["end-to-end", "npx", ["playwright", "test", "-c", "e2e/playwright.config.ts"]],
];

let failedStep;
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  console.log(`◀ ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
try {
  const v = JSON.parse(readFileSync(`${results}/vitest.json`, "utf8"));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
} catch {}
try {
  const e = JSON.parse(readFileSync(`${results}/e2e.json`, "utf8"));
  counts.passed += e.stats.expected + e.stats.flaky;
  counts.failed += e.stats.unexpected;
  counts.skipped += e.stats.skipped;
} catch {}
if (failedStep && counts.failed === 0) counts.failed = 1; // a failed typecheck or lint is a failure too

console.log(
  `\nTotal time ${((Date.now() - started) / 1000).toFixed(1)}s${failedStep ? `; failed at: ${failedStep}` : ""}`,
);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
