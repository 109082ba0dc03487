import { rmSync } from "node:fs";
import path from "node:path";
import { startParley } from "./app/parley-server.ts";
import { loadConfig } from "./config/config.ts";
import { DataDirLockedError, lockDataDir } from "./db/data-dir-lock.ts";
import { DevDbUnavailableError } from "./db/devdb.ts";
import { DevDbSupervisor } from "./db/devdb-supervisor.ts";
import { devDbUriFile, publishDevDbUri, withdrawDevDbUri } from "./db/devdb-uri-file.ts";
import { demoAccountsRefusal } from "./demo/demo-guard.ts";
import { DEMO_ACCOUNTS } from "./demo/demo-seed.ts";
import { createLogger } from "./logging/logger.ts";

const config = loadConfig();
const logger = createLogger(config.logLevel);

// A signal that arrives while the server starts (devdb, migrations) is kept and acted on once it has started: the
// drained shutdown needs the server. Without this, a signal before the handlers below existed killed the process
// by the signal itself (exit code null), which a supervisor reads as a crash.
let earlySignal: NodeJS.Signals | undefined;
const keepEarlySignal = (signal: NodeJS.Signals) => {
  earlySignal ??= signal;
};
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, keepEarlySignal);

const devdbDir = path.join(config.dataDir, "db");
let devdb: DevDbSupervisor | undefined;
let mongoUri = config.mongoUri;
if (!mongoUri) {
  try {
    lockDataDir(devdbDir);
    devdb = await DevDbSupervisor.start({
      dataDir: devdbDir,
      log: logger,
      firstRetryMs: config.devdbRestartDelayMs,
    });
    mongoUri = devdb.uri;
    await publishDevDbUri(devdbDir, devdb.uri);
    // Only a live server leaves the file: however this process ends (short of kill -9, which the next start's
    // lock check finds stale), the admin CLI must not be pointed at a dead port.
    process.once("exit", () => rmSync(devDbUriFile(devdbDir), { force: true }));
  } catch (err) {
    if (err instanceof DevDbUnavailableError || err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

// In production (NODE_ENV=production), never with the demo accounts, whose passwords are published.
const refusal = await demoAccountsRefusal(config, mongoUri).catch((err: unknown) => String(err));
if (refusal !== null) {
  console.error(refusal);
  await devdb?.stop();
  process.exit(1);
}

const server = await startParley({ config, logger, mongoUri }).catch(async (err: unknown) => {
  logger.fatal({ err }, "Parley failed to start");
  await devdb?.stop();
  process.exit(1);
});

if (config.demo) {
  const lines = [
    "",
    "Parley is running in demo mode.",
    `  Demo website:   ${server.url}/`,
    `  Agent console:  ${server.url}/console/`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)}  ${a.email} / ${a.password}`),
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

let shuttingDown = false;
const shutdown = (reason: string) => {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ event: "shutdown", reason }, "shutting down");
  void server
    .stop()
    .then(() => devdb && withdrawDevDbUri(devdbDir).then(() => devdb?.stop()))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
};
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.off(signal, keepEarlySignal);
  process.on(signal, () => shutdown(signal));
}
if (earlySignal) shutdown(earlySignal);

// Started through wrappers (npm, tsx), the server must not outlive them: a wrapper killed with -9 forwards no
// signal, and the server would keep serving, orphaned, holding the port and the database. Its parent changing
// (to init or a subreaper) is the sign.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown("parent process gone");
}, 1_000).unref();
