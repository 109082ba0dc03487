import path from "node:path";
import { startParley } from "./app/parley-server.ts";
import { loadConfig } from "./config/config.ts";
import { type DevDbHandle, DevDbUnavailableError, startDevDb } from "./db/devdb.ts";
import { publishDevDbUri, withdrawDevDbUri } from "./db/devdb-uri-file.ts";
import { DEMO_ACCOUNTS } from "./demo/demo-seed.ts";
import { createLogger } from "./logging/logger.ts";

const config = loadConfig();
const logger = createLogger(config.logLevel);

const devdbDir = path.join(config.dataDir, "db");
let devdb: DevDbHandle | undefined;
let mongoUri = config.mongoUri;
if (!mongoUri) {
  try {
    devdb = await startDevDb({ dataDir: devdbDir, log: logger });
    mongoUri = devdb.uri;
    await publishDevDbUri(devdbDir, devdb.uri);
  } catch (err) {
    if (err instanceof DevDbUnavailableError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
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
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ event: "shutdown", signal }, "shutting down");
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
  });
}
