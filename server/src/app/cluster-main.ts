// `npm run start:cluster -- --nodes 3`: N Parley nodes on one port, sharing the database (devdb, or MONGODB_URI) and
// Redis (REDIS_URL, default the local one), behind a sticky balancer in the primary process: @socket.io/sticky on
// Node's cluster module keeps a polling client on the worker that holds its session. For one machine; production runs
// nodes on several machines behind nginx or HAProxy (docs/deploying.md, "Several nodes").
import cluster, { type Worker } from "node:cluster";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { setupMaster, setupWorker } from "@socket.io/sticky";
import { loadConfig } from "../config/config.ts";
import { DataDirLockedError, lockDataDir } from "../db/data-dir-lock.ts";
import { DevDbSupervisor } from "../db/devdb-supervisor.ts";
import { publishDevDbUri, withdrawDevDbUri } from "../db/devdb-uri-file.ts";
import { demoAccountsRefusal } from "../demo/demo-guard.ts";
import { DEMO_ACCOUNTS } from "../demo/demo-seed.ts";
import { createLogger } from "../logging/logger.ts";
import { startParley } from "./parley-server.ts";

const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
/** A worker that dies is replaced, unless workers keep dying at once (a bad config): then the cluster stops. */
const RESTART_WINDOW_MS = 10_000;
const MAX_RESTARTS_IN_WINDOW = 5;

type WorkerMessage = { ready: true };

if (cluster.isPrimary) await runPrimary();
else await runWorker();

async function runPrimary(): Promise<void> {
  const { values } = parseArgs({ options: { nodes: { type: "string", default: "3" } }, strict: true });
  const count = Number(values.nodes);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error("--nodes must be a whole number from 1 to 64");
    process.exit(2);
  }
  process.env.REDIS_URL ||= DEFAULT_REDIS_URL;
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  const devdbDir = path.join(config.dataDir, "db");
  let devdb: DevDbSupervisor | undefined;
  if (!config.mongoUri) {
    try {
      lockDataDir(devdbDir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      console.error(err.message);
      process.exit(1);
    }
    devdb = await DevDbSupervisor.start({
      dataDir: devdbDir,
      log: logger,
      firstRetryMs: config.devdbRestartDelayMs,
    });
    await publishDevDbUri(devdbDir, devdb.uri);
    process.env.MONGODB_URI = devdb.uri;
  }
  // In production (NODE_ENV=production), never with the demo accounts, whose passwords are published.
  const refusal = await demoAccountsRefusal(config, process.env.MONGODB_URI ?? "").catch((err: unknown) => String(err));
  if (refusal !== null) {
    console.error(refusal);
    if (devdb) await withdrawDevDbUri(devdbDir).then(() => devdb?.stop());
    process.exit(1);
  }

  const httpServer = createServer();
  setupMaster(httpServer, { loadBalancingMethod: "least-connection" });
  // The balancer hands each connection's first bytes to the worker over IPC: as a Buffer, not JSON.
  cluster.setupPrimary({ serialization: "advanced" });

  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker: Worker & { clientsCount?: number } = cluster.fork();
      // The balancer sends a connection to the worker with the fewest Socket.IO sessions (its clientsCount); one
      // still starting has no server to take it, and the connection would hang. Counted as full until ready.
      worker.clientsCount = Number.POSITIVE_INFINITY;
      worker.once("message", (msg: WorkerMessage) => {
        if (!msg.ready) return;
        worker.clientsCount = 0;
        resolve(worker);
      });
      worker.once("exit", (code) => reject(new Error(`a node exited with ${code} while starting`)));
    });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    logger.error({ event: "node_died", pid: worker.process.pid, code, signal }, "a node died; starting another");
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS_IN_WINDOW) {
      logger.fatal({ event: "nodes_crashing" }, "nodes keep dying; stopping the cluster");
      void shutdown(1);
      return;
    }
    fork().catch((err: unknown) => logger.error({ err }, "a replacement node failed to start"));
  });

  // The first node alone: it runs the migrations and seeds the demo before the others share the database. The port
  // opens once it can serve.
  await fork();
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  await Promise.all(Array.from({ length: count - 1 }, fork));
  const url = config.publicUrl ?? `http://${config.host}:${config.port}`;
  logger.info({ event: "cluster_listening", url, nodes: count }, "Parley cluster is listening");
  if (config.demo) {
    const lines = [
      "",
      `Parley is running in demo mode on ${count} nodes.`,
      `  Demo website:   ${url}/`,
      `  Agent console:  ${url}/console/`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)}  ${a.email} / ${a.password}`),
      "",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exits = Object.values(cluster.workers ?? {}).map(
      (w) => new Promise<void>((resolve) => (w?.isDead() ? resolve() : w?.once("exit", () => resolve()))),
    );
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    await Promise.all(exits);
    httpServer.close();
    if (devdb) {
      await withdrawDevDbUri(devdbDir);
      await devdb.stop();
    }
    process.exit(code);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(0));
  // As main.ts: started through wrappers (npm, tsx), the cluster must not outlive one killed with -9, which
  // forwards no signal; its parent changing is the sign.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1_000).unref();
}

async function runWorker(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel).child({ node: process.pid });
  const server = await startParley({ config, logger, mongoUri: process.env.MONGODB_URI ?? "", behindPrimary: true });
  setupWorker(server.io);
  process.send?.({ ready: true } satisfies WorkerMessage);
  let shuttingDown = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      void server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
