/**
 * Launcher for `devdb/` — an embedded FerretDB (SQLite backend) that speaks the
 * MongoDB wire protocol, used for local development and tests when no
 * MONGODB_URI is configured.
 *
 * The Go program is built on demand with the local Go toolchain and cached in
 * `<repo>/node_modules/.cache/parley-devdb/devdb-<hash12>`, where the hash
 * covers devdb/*.go, build.mjs, go.mod and go.sum. Node 20 built-ins only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { delimiter, join, resolve } from "node:path";
import { REPO_ROOT } from "../config/paths.ts";

/** Minimal logger shape (a pino Logger satisfies it). */
export interface MiniLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DevDbHandle {
  /** MongoDB connection string, e.g. `mongodb://127.0.0.1:40123/`. */
  uri: string;
  /** The devdb process (benchmarks read its CPU time). */
  pid: number;
  /** SIGTERM, wait up to 10 s, then SIGKILL. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when devdb exits without having been asked to (it crashed, or was killed). */
  died: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Thrown when the devdb binary cannot be built (Go missing or build failure). */
export class DevDbUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DevDbUnavailableError";
  }
}

const GO_MISSING_MESSAGE =
  "Go 1.26+ is needed to build the embedded database (devdb): install Go from your package manager, or set MONGODB_URI to a MongoDB server.";

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const LOCK_STALE_MS = 20 * 60_000;
const LOCK_WAIT_MS = 30 * 60_000;
const STDERR_TAIL_BYTES = 8 * 1024;

const DEVDB_DIR = join(REPO_ROOT, "devdb");
const CACHE_DIR = join(REPO_ROOT, "node_modules", ".cache", "parley-devdb");
const EXE_SUFFIX = process.platform === "win32" ? ".exe" : "";

const stderrLogger: MiniLogger = {
  info: (obj, msg) => writeDefault("info", obj, msg),
  warn: (obj, msg) => writeDefault("warn", obj, msg),
  error: (obj, msg) => writeDefault("error", obj, msg),
};

function writeDefault(level: string, obj: object, msg?: string): void {
  const fields = Object.keys(obj).length > 0 ? ` ${JSON.stringify(obj)}` : "";
  process.stderr.write(`[${level}] ${msg ?? ""}${fields}\n`);
}

/** sha256 over the sorted devdb sources (name + contents), first 12 hex chars. */
async function sourceHash(): Promise<string> {
  let names: string[];
  try {
    names = await readdir(DEVDB_DIR);
  } catch (err) {
    throw new DevDbUnavailableError(`devdb sources not found at ${DEVDB_DIR}`, { cause: err });
  }
  const files = names.filter((n) => n.endsWith(".go") || n === "go.mod" || n === "go.sum" || n === "build.mjs").sort();
  const h = createHash("sha256");
  for (const name of files) {
    h.update(name);
    h.update("\0");
    h.update(await readFile(join(DEVDB_DIR, name)));
    h.update("\0");
  }
  return h.digest("hex").slice(0, 12);
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cross-process build lock (an optimisation so that two test workers don't
 * both spend minutes compiling; correctness comes from the atomic rename).
 * Returns a release function, or null if the binary appeared while waiting.
 */
async function acquireBuildLock(
  lockPath: string,
  binPath: string,
  log: MiniLogger,
): Promise<(() => Promise<void>) | null> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      const fh = await open(lockPath, "wx");
      await fh.writeFile(String(process.pid));
      await fh.close();
      return async () => {
        await unlink(lockPath).catch(() => {});
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (await isExecutable(binPath)) return null;
    // Is the holder still there?
    try {
      const [pidText, st] = await Promise.all([readFile(lockPath, "utf8"), stat(lockPath)]);
      const pid = Number.parseInt(pidText, 10);
      const stale = Date.now() - st.mtimeMs > LOCK_STALE_MS || (pid > 0 && !processAlive(pid));
      if (stale) {
        await unlink(lockPath).catch(() => {});
        continue;
      }
    } catch {
      continue; // lock vanished (or half-written) between calls: retry
    }
    if (Date.now() > deadline) {
      // Give up waiting; build ourselves (the rename keeps this safe).
      return async () => {};
    }
    if (!announced) {
      log.info({ lockPath }, "devdb: another process is building the binary, waiting");
      announced = true;
    }
    await sleep(500);
  }
}

async function goOnPath(): Promise<boolean> {
  const exe = `go${EXE_SUFFIX}`;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && (await isExecutable(join(dir, exe)))) return true;
  }
  return false;
}

function runGoBuild(outPath: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    let child: ChildProcess;
    try {
      // build.mjs runs `go build` with devdb's one change to FerretDB (see devdb/README.md).
      child = spawn(process.execPath, [join(DEVDB_DIR, "build.mjs"), outPath], {
        cwd: DEVDB_DIR,
        // modernc.org/sqlite is pure Go: no C compiler needed.
        env: { ...process.env, CGO_ENABLED: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      reject(err);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout?.on("data", (c: Buffer) => chunks.push(c));
    child.stderr?.on("data", (c: Buffer) => chunks.push(c));
    child.once("error", reject);
    child.once("close", (code) => resolvePromise({ code, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/** Remove binaries for older source hashes (unlinking a running binary is fine on POSIX). */
async function pruneOldBinaries(keep: string): Promise<void> {
  if (process.platform === "win32") return;
  try {
    for (const name of await readdir(CACHE_DIR)) {
      if (!name.startsWith("devdb-") || name === keep) continue;
      const p = join(CACHE_DIR, name);
      const st = await stat(p).catch(() => null);
      if (st && Date.now() - st.mtimeMs > 60 * 60_000) await rm(p, { force: true });
    }
  } catch {
    /* best effort */
  }
}

async function buildBinary(binPath: string, log: MiniLogger): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true });
  const release = await acquireBuildLock(`${binPath}.lock`, binPath, log);
  if (release === null) return binPath; // built by someone else
  try {
    if (await isExecutable(binPath)) return binPath;
    if (!(await goOnPath())) throw new DevDbUnavailableError(GO_MISSING_MESSAGE);
    const tmp = `${binPath}.tmp-${process.pid}-${randomBytes(4).toString("hex")}${EXE_SUFFIX}`;
    log.info(
      { dir: DEVDB_DIR },
      "devdb: building embedded database with `go build` (first run may take a few minutes)",
    );
    const started = Date.now();
    let result: { code: number | null; output: string };
    try {
      result = await runGoBuild(tmp);
    } catch (err) {
      await rm(tmp, { force: true });
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        throw new DevDbUnavailableError(GO_MISSING_MESSAGE, { cause: err });
      }
      throw new DevDbUnavailableError(
        `Could not run \`go build\` for the embedded database (devdb): ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    if (result.code !== 0) {
      await rm(tmp, { force: true });
      process.stderr.write(result.output.endsWith("\n") || result.output === "" ? result.output : `${result.output}\n`);
      throw new DevDbUnavailableError(
        `Building the embedded database (devdb) with \`go build\` failed (exit ${result.code}; go's output is printed above): fix the build or your Go install (Go 1.26+), or set MONGODB_URI to a MongoDB server.`,
      );
    }
    await rename(tmp, binPath); // atomic; concurrent builders just replace each other's identical file
    const buildMs = Date.now() - started;
    log.info({ buildMs, binary: binPath }, `devdb: built in ${(buildMs / 1000).toFixed(1)}s`);
    await pruneOldBinaries(binPath.slice(CACHE_DIR.length + 1));
    return binPath;
  } finally {
    await release();
  }
}

const inflightBuilds = new Map<string, Promise<string>>();

/**
 * Returns the path of the devdb binary for the current sources, building it
 * (with `go build`) if it is not cached yet. Throws DevDbUnavailableError when
 * Go is missing or the build fails.
 */
export async function ensureDevDbBinary(opts: { log?: MiniLogger } = {}): Promise<string> {
  const log = opts.log ?? stderrLogger;
  const hash = await sourceHash();
  const binPath = join(CACHE_DIR, `devdb-${hash}${EXE_SUFFIX}`);
  if (await isExecutable(binPath)) return binPath;
  let p = inflightBuilds.get(binPath);
  if (!p) {
    p = buildBinary(binPath, log).finally(() => inflightBuilds.delete(binPath));
    inflightBuilds.set(binPath, p);
  }
  return p;
}

// Children still running when this process exits get a SIGTERM (they would
// also notice their stdin closing, this is just faster).
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const c of liveChildren) c.kill("SIGTERM");
    });
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((r) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      r(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      r(true);
    };
    child.once("exit", onExit);
  });
}

/**
 * Builds (if needed) and starts devdb on 127.0.0.1:<port|random> with its data
 * in `dataDir`; resolves once it prints its MongoDB URI.
 */
export async function startDevDb(opts: { dataDir: string; port?: number; log?: MiniLogger }): Promise<DevDbHandle> {
  const log = opts.log ?? stderrLogger;
  const bin = await ensureDevDbBinary({ log });
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = opts.port ?? 0;

  // PARLEY_DEVDB_PPROF=127.0.0.1:6060 serves Go's profiler, to see where devdb spends its time.
  const pprof = process.env.PARLEY_DEVDB_PPROF ? ["-pprof", process.env.PARLEY_DEVDB_PPROF] : [];
  const child = spawn(bin, ["-listen", `127.0.0.1:${port}`, "-data", dataDir, "-exit-on-stdin-eof", ...pprof], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  trackChild(child);
  child.once("exit", () => liveChildren.delete(child));

  // Keep a tail of stderr for error messages; forward its lines to the logger
  // (devdb logs at warn level by default, so anything it says is worth seeing).
  let stderrTail = "";
  let stderrPartial = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES);
    const lines = (stderrPartial + chunk).split("\n");
    stderrPartial = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) log.warn({ pid: child.pid }, `devdb: ${line}`);
  });
  // If devdb dies, writing to its stdin would EPIPE; never crash the parent for that.
  child.stdin?.on("error", () => {});

  const uri = await new Promise<string>((resolveUri, reject) => {
    let stdoutBuf = "";
    const fail = (err: Error) => {
      cleanup();
      if (!hasExited(child)) child.kill("SIGKILL");
      reject(err);
    };
    const withTail = (msg: string) => {
      const tail = stderrTail.trim();
      return tail ? `${msg}\n--- devdb stderr (tail) ---\n${tail}` : msg;
    };
    const onData = (chunk: string) => {
      stdoutBuf += chunk;
      for (let i = stdoutBuf.indexOf("\n"); i !== -1; i = stdoutBuf.indexOf("\n")) {
        const line = stdoutBuf.slice(0, i).trim();
        stdoutBuf = stdoutBuf.slice(i + 1);
        if (line.startsWith("mongodb://")) {
          cleanup();
          resolveUri(line);
          return;
        }
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // Give the stderr stream a moment to flush so the tail is useful.
      setTimeout(
        () => fail(new Error(withTail(`devdb exited before becoming ready (code ${code}, signal ${signal})`))),
        50,
      );
    };
    const onError = (err: Error) => fail(new Error(withTail(`failed to start devdb (${bin}): ${err.message}`)));
    const timer = setTimeout(
      () => fail(new Error(withTail(`devdb did not report ready within ${READY_TIMEOUT_MS / 1000}s`))),
      READY_TIMEOUT_MS,
    );
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
    };
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });

  let stopping = false;
  let died: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void = () => {};
  const diedPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => {
    died = r;
  });
  // Keep draining stdout; don't let devdb's pipes keep this process alive by
  // themselves (when this process exits, devdb sees stdin EOF and exits too).
  child.stdout?.resume();
  child.on("error", (err) => log.error({ err, pid: child.pid }, "devdb: child process error"));
  child.once("exit", (code, signal) => {
    if (stopping) return;
    log.warn({ code, signal, pid: child.pid }, "devdb: exited unexpectedly");
    died({ code, signal });
  });
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) (s as unknown as { unref?: () => void } | null)?.unref?.();

  log.info({ uri, dataDir, pid: child.pid }, "devdb: ready");

  let stopPromise: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (stopPromise) return stopPromise;
    stopping = true;
    stopPromise = (async () => {
      if (hasExited(child)) return;
      child.kill("SIGTERM");
      if (await waitForExit(child, STOP_TIMEOUT_MS)) return;
      log.warn({ pid: child.pid }, "devdb: did not exit within 10s of SIGTERM, sending SIGKILL");
      child.kill("SIGKILL");
      await waitForExit(child, STOP_TIMEOUT_MS);
    })();
    return stopPromise;
  };

  return { uri, pid: child.pid ?? 0, stop, died: diedPromise };
}
