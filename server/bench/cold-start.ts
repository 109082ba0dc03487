// `npm run bench:cold-start`: from launch to the first `/healthz` 200, the server from its TypeScript sources through
// tsx (the old start) against the compiled bundle (`npm run serve`), with a bare Socket.IO server on node as the
// floor. Each start is on the embedded database (devdb, its binary already built) in a data directory of the
// variant's own, made by one untimed start first, so the timed ones are restarts. Figures only: nothing passes or fails.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERVER_DIR = path.resolve(import.meta.dirname, "..");

const BARE_SOCKET_IO = `
import { createServer } from "node:http";
import { Server } from "socket.io";
const http = createServer((req, res) => res.writeHead(req.url === "/healthz" ? 200 : 404).end());
new Server(http);
http.listen(Number(process.env.PORT), "127.0.0.1");
`;

const variants: { label: string; command: string[]; env?: Record<string, string> }[] = [
  { label: "tsx src/main.ts (before)", command: [path.join(SERVER_DIR, "../node_modules/.bin/tsx"), "src/main.ts"] },
  { label: "node dist/main.js", command: [process.execPath, "dist/main.js"] },
  {
    label: "npm run serve's node (after)",
    command: [process.execPath, "--enable-source-maps", "dist/main.js"],
    env: { NODE_ENV: "production" },
  },
  { label: "bare Socket.IO on node (floor)", command: [process.execPath, "--input-type=module", "-e", BARE_SOCKET_IO] },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function coldStart(command: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const [file = "", ...args] = command;
  const started = performance.now();
  const child: ChildProcess = spawn(file, args, {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  try {
    for (;;) {
      if (exitedEarly) throw new Error(`${command.join(" ")} exited before answering`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error(`${command.join(" ")}: no /healthz 200 in 60 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const stripped = { ...process.env } as Record<string, string>;
for (const name of ["MONGODB_URI", "REDIS_URL", "PARLEY_DEMO", "NODE_ENV", "PUBLIC_URL"]) delete stripped[name];
process.env = stripped;

console.log(`cold start, launch → /healthz 200 (${RUNS} runs each, after one untimed start)`);
for (const variant of variants) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "parley-cold-start-"));
  const env = { ...variant.env, PARLEY_DATA_DIR: dataDir };
  try {
    await coldStart(variant.command, env);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await coldStart(variant.command, env));
    const sorted = [...times].sort((a, b) => a - b);
    const ms = (n: number | undefined) => `${Math.round(n ?? Number.NaN)}`;
    console.log(
      `  ${variant.label.padEnd(32)} ${ms(sorted[0])}–${ms(sorted.at(-1))} ms (median ${ms(sorted[Math.floor(sorted.length / 2)])})  runs: ${times.map(ms).join(", ")}`,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
