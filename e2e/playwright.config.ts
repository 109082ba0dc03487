import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3917);
export const baseURL = `http://localhost:${port}`;
const clusterPort = Number(process.env.E2E_CLUSTER_PORT ?? 3918);
/** `npm run start:cluster -- --nodes 3` on its own demo database, for cluster.spec.ts. */
export const clusterURL = `http://localhost:${clusterPort}`;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3919);
const mailboxPort = Number(process.env.E2E_MAILBOX_PORT ?? 3920);
/** What the demo server emailed (e2e/mail-sink.ts): `GET /mails`. */
export const mailboxURL = `http://127.0.0.1:${mailboxPort}`;

/** The demo server's inbound SMTP receiver (tickets by email): email-tickets.spec.ts delivers to it. */
export const inboundPort = Number(process.env.E2E_INBOUND_PORT ?? 3921);
/** The demo site's support address, as the demo server's SUPPORT_ADDRESSES names it. */
export const supportAddress = "support@demo.parley.test";

export const noCluster = process.env.E2E_NO_CLUSTER === "1";

export default defineConfig({
  testDir: "./tests",
  outputDir: "../test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One server and one demo database: tests share the agent account, so one test at a time. Each sets up what it
  // needs, so any order works (`npm run test:e2e:shuffled` checks that).
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
  webServer: [
    {
      // Takes the demo server's email (password reset links), so specs can read it.
      command: "npx tsx e2e/mail-sink.ts",
      cwd: repoRoot,
      url: `${mailboxURL}/healthz`,
      env: { E2E_SMTP_PORT: String(smtpPort), E2E_MAILBOX_PORT: String(mailboxPort) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
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
        // "Visitor left" shows within a second of the site's minutes (close-and-gone.spec.ts).
        VISITOR_GONE_SWEEP_MS: "1000",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        // Tickets by email: mail to the demo site's support address comes in on this port.
        SMTP_INBOUND_PORT: String(inboundPort),
        SUPPORT_ADDRESSES: `${supportAddress}=demo`,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    // E2E_NO_CLUSTER=1 (while working on other specs) leaves this server out; cluster.spec.ts then skips itself.
    ...(noCluster ? [] : [clusterServerConfig()]),
  ],
});

function clusterServerConfig() {
  return {
    command: "rm -rf test-results/e2e-cluster-data && npx tsx server/src/app/cluster-main.ts --nodes 3",
    cwd: repoRoot,
    url: `${clusterURL}/healthz`,
    env: {
      PARLEY_DEMO: "1",
      PORT: String(clusterPort),
      PARLEY_DATA_DIR: "test-results/e2e-cluster-data",
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      REDIS_PREFIX: `parley-e2e-${process.pid}`,
      LOG_LEVEL: "warn",
      PRESENCE_GRACE_MS: "1000",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}
