import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector";
import path from "node:path";

// How the load bench talks to the server processes it measures (Parley and the bare relay): they run apart from
// the load clients, so the clients' CPU is not the server's, and answer a few questions over the fork IPC channel.

export type BenchRequest = { id: number; kind: "heap" } | { id: number; kind: string };
export type BenchReply = { id: number; ok: true; value: number } | { id: number; ok: false; error: string };

/** Commands a node answers besides "heap"; each resolves to a number (e.g. milliseconds). */
export type BenchCommands = Record<string, () => Promise<number>>;

/**
 * CPU profiling of one stretch of the run (BENCH_PROFILE=<dir>): "profile:start" and "profile:stop", the latter
 * writing a .cpuprofile for Chrome's DevTools.
 */
function profiling(): BenchCommands {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return {};
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (err, result) => (err ? reject(err) : resolve(result))),
    );
  let n = 0;
  return {
    "profile:start": async () => {
      await post("Profiler.enable");
      await post("Profiler.start");
      return 0;
    },
    "profile:stop": async () => {
      const { profile } = (await post("Profiler.stop")) as { profile: object };
      await writeFile(path.join(dir, `step-${process.pid}-${++n}.cpuprofile`), JSON.stringify(profile));
      return n;
    },
  };
}

/** In the server process: announce the URL, then answer the bench's requests. */
export function serveBenchIpc(url: string, own: BenchCommands): void {
  const commands = { ...profiling(), ...own };
  const send = process.send?.bind(process);
  if (!send) throw new Error("run this under the load bench (child_process.fork)");
  process.on("message", (req: BenchRequest) => {
    void (async (): Promise<BenchReply> => {
      try {
        if (req.kind === "heap") {
          // Twice: a first collection can leave garbage that a finalizer of the first one frees.
          globalThis.gc?.();
          globalThis.gc?.();
          return { id: req.id, ok: true, value: process.memoryUsage().heapUsed };
        }
        const command = commands[req.kind];
        if (!command) return { id: req.id, ok: false, error: `unknown command ${req.kind}` };
        return { id: req.id, ok: true, value: await command() };
      } catch (err) {
        return { id: req.id, ok: false, error: String(err) };
      }
    })().then((reply) => send(reply));
  });
  process.on("disconnect", () => process.exit(0));
  send({ ready: url });
}
