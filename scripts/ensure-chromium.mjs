// End-to-end tests drive Debian's Chromium (Playwright's own browser download cannot
// work offline). Installs it when we are root; otherwise says how, in one line.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(`Chromium not found at ${path}: run \`sudo apt-get install -y chromium\` (or set PARLEY_CHROMIUM).`);
  process.exit(1);
}
console.log("Installing Debian's chromium for the end-to-end tests…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
