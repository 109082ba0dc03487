// `npm run test:e2e:shuffled [-- --seed <n>] [-- <more playwright args>]`: the end-to-end suite with every test in a
// seeded random order, each twice, on one demo server. A test that passes only after another (or only on a fresh
// database) fails here; the printed seed gives the same order again. Not part of `npm test`: it runs the suite twice.
//
// Playwright does the ordering: --fully-parallel makes each test a group of its own (the config still runs one
// worker, so one test at a time) and --shuffle orders the groups by the seed. Files named on the command line
// only filter: Playwright runs them in its own order whatever order they are given in.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const at = args.indexOf("--seed");
const seed = at >= 0 ? args.splice(at, 2)[1] : String(Math.floor(Math.random() * 1_000_000));
if (!/^\d+$/.test(seed ?? "")) {
  console.error("--seed takes a whole number");
  process.exit(2);
}

const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: "inherit" }).status ?? 1;

console.log(`e2e in shuffled order, seed ${seed} (again: npm run test:e2e:shuffled -- --seed ${seed})`);
const steps = [
  ["node", ["scripts/ensure-chromium.mjs"]],
  ["npm", ["run", "--silent", "build"]],
  [
    "npx",
    [
      "playwright",
      "test",
      "-c",
      "e2e/playwright.config.ts",
      "--fully-parallel",
      `--shuffle=${seed}`,
      "--repeat-each=2",
      ...args,
    ],
  ],
];
for (const [cmd, cmdArgs] of steps) {
  const status = run(cmd, cmdArgs);
  if (status !== 0) {
    console.log(`e2e in shuffled order failed, seed ${seed}`);
    process.exit(status);
  }
}
console.log(`e2e in shuffled order passed, seed ${seed}`);
