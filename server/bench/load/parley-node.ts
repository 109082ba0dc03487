// Parley as the load bench runs it: its own process, on the devdb the bench started (MONGODB_URI), configured by
// the environment like a deployment. Answers the bench's heap and SLA-pass requests (node-ipc.ts).
import { performance } from "node:perf_hooks";
import { startParley } from "../../src/app/parley-server.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { serveBenchIpc } from "./node-ipc.ts";

const config = loadConfig({ ...process.env, PORT: "0", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
const server = await startParley({
  config,
  logger: createLogger(config.logLevel as "warn"),
  mongoUri: process.env.MONGODB_URI ?? "",
  dbName: process.env.BENCH_DB ?? "bench_load",
});

serveBenchIpc(server.url, {
  /** One SLA watch pass, timed here so the figure is the server's, not the IPC's. */
  sla: async () => {
    const t0 = performance.now();
    await server.tickets.sweep();
    return performance.now() - t0;
  },
});

process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
