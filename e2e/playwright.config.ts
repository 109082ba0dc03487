import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3917);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./tests",
  outputDir: "../test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One server and one demo database: tests share the agent account, so run them in order.
  workers: 1,
  fullyParallel: false,
  reporter: [["list"], ["json", { outputFile: "../test-results/e2e.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // A fresh demo database every run, so the demo accounts and an empty inbox are known.
    command: "rm -rf test-results/e2e-data && npx tsx server/src/main.ts",
    cwd: repoRoot,
    url: `${baseURL}/healthz`,
    env: {
      PARLEY_DEMO: "1",
      PORT: String(port),
      PARLEY_DATA_DIR: "test-results/e2e-data",
      LOG_LEVEL: "warn",
      // Agents whose browser context a test closed go offline quickly, so the next test knows who is online.
      PRESENCE_GRACE_MS: "1000",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
