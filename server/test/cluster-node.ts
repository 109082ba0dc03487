// One node of a TestCluster: a real Parley process on the suite's devdb and the machine's Redis, configured by its
// environment as a deployment is, and driven by the test over the fork IPC channel for what a test must control:
// its clock (PARLEY_TEST_CLOCK starts it on a ManualClock) and one pass of its background work.
import { startParley } from "../src/app/parley-server.ts";
import { loadConfig } from "../src/config/config.ts";
import { createLogger } from "../src/logging/logger.ts";
import { ManualClock } from "./manual-clock.ts";

export type NodeRequest =
  | { id: number; kind: "clock:set"; at: string }
  | { id: number; kind: "sla:sweep" }
  | { id: number; kind: "alerts:check" };
export type NodeReply = { id: number; ok: true } | { id: number; ok: false; error: string };
export type NodeReady = { ready: { url: string; origins: string[] } };

const send = process.send?.bind(process);
if (!send) throw new Error("cluster-node runs under TestCluster (child_process.fork)");

const config = loadConfig({ ...process.env, PORT: "0" });
const logger = createLogger(config.logLevel);
const clock = process.env.PARLEY_TEST_CLOCK ? new ManualClock(new Date(process.env.PARLEY_TEST_CLOCK)) : undefined;
const server = await startParley({
  config,
  logger,
  mongoUri: process.env.MONGODB_URI ?? "",
  ...(process.env.PARLEY_TEST_DB ? { dbName: process.env.PARLEY_TEST_DB } : {}),
  ...(clock ? { clock: clock.now } : {}),
});

process.on("message", (req: NodeRequest) => {
  void (async (): Promise<NodeReply> => {
    try {
      if (req.kind === "clock:set") {
        if (!clock) throw new Error("this node runs on the real clock");
        clock.set(req.at);
      } else if (req.kind === "sla:sweep") await server.tickets.sweep();
      else await server.chatAlerts.check();
      return { id: req.id, ok: true };
    } catch (err) {
      return { id: req.id, ok: false, error: String(err) };
    }
  })().then((reply) => send(reply));
});
process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
send({ ready: { url: server.url, origins: [...server.origins.all] } } satisfies NodeReady);
