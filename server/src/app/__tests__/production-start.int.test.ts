import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectLogLines } from "../../../test/child-process-logs.ts";
import { Agent } from "../../agents/agent.model.ts";
import { Site } from "../../sites/site.model.ts";

// `npm run serve` as it runs in production: the compiled server (server/dist/, built here with the same command) with
// NODE_ENV=production on its own data directory, and the compiled admin CLI beside it.
const REPO_DIR = path.resolve(import.meta.dirname, "../../../..");
const DIST = path.join(REPO_DIR, "server", "dist");
const run = promisify(execFile);

/** The environment of a fresh shell: no database or Redis of the test run, nothing of vitest's NODE_ENV=test. */
function baseEnv(dataDir: string, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const name of ["MONGODB_URI", "REDIS_URL", "PARLEY_DEMO", "NODE_ENV", "PUBLIC_URL", "PARLEY_PASSWORD"]) {
    delete env[name];
  }
  return { ...env, PARLEY_DATA_DIR: dataDir, ...extra };
}

class Server {
  readonly logs: Record<string, unknown>[] = [];
  stderr = "";
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    collectLogLines(child.stdout, this.logs);
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  static start(dataDir: string, extra: Record<string, string>): Server {
    const env = baseEnv(dataDir, { PORT: "0", LOG_LEVEL: "info", ...extra });
    return new Server(
      spawn(process.execPath, [path.join(DIST, "main.js")], { env, stdio: ["ignore", "pipe", "pipe"] }),
    );
  }

  /** The URL it listens on, once it does; rejects if it exits first. */
  async listening(): Promise<string> {
    let exited = false;
    void this.exited.then(() => {
      exited = true;
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const line = this.logs.find((l) => l.event === "listening");
      if (line) return String(line.url);
      if (exited) throw new Error(`the server exited before listening: ${this.stderr}`);
      if (Date.now() > deadline) throw new Error("the server did not listen within 60 s");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<number | null> {
    this.child.kill("SIGTERM");
    return this.exited;
  }
}

async function admin(dataDir: string, args: string[], extra: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(DIST, "cli", "main.js"), ...args], {
      env: baseEnv(dataDir, extra),
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const login = (url: string, email: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });

const dataDirs: string[] = [];
const servers: Server[] = [];
const newDataDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "parley-production-"));
  dataDirs.push(dir);
  return dir;
};
const startServer = (dataDir: string, extra: Record<string, string>) => {
  const server = Server.start(dataDir, extra);
  servers.push(server);
  return server;
};

beforeAll(async () => {
  await run("npm", ["run", "--silent", "build", "-w", "@parley/server"], { cwd: REPO_DIR });
}, 120_000);

afterAll(async () => {
  await mongoose.disconnect();
  await Promise.all(servers.map((s) => (s.child.exitCode === null ? s.stop() : undefined)));
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("the compiled server in production", () => {
  it("should start with no demo data, and `admin setup` should make the first admin, once", async () => {
    const dataDir = await newDataDir();
    const server = startServer(dataDir, { NODE_ENV: "production" });
    const url = await server.listening();

    const devdbUri = (await readFile(path.join(dataDir, "db", "devdb.uri"), "utf8")).trim();
    await mongoose.connect(devdbUri, { dbName: "parley" });
    expect(await Agent.countDocuments()).toBe(0);
    expect(await Site.countDocuments()).toBe(0);
    expect((await login(url, "admin@example.com", "admin-demo-pw")).status).toBe(401);
    expect((await fetch(`${url}/`)).status).toBe(404); // no demo page

    const setupArgs = ["setup", "--site-name", "Acme Cloud", "--origin", "https://www.acme.example"];
    const first = await admin(dataDir, [...setupArgs, "--name", "Ana Admin", "--email", "Ana@Acme.example"], {
      PARLEY_PASSWORD: "a long enough password",
      PUBLIC_URL: url,
    });
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${url}/console/`);
    expect(first.stdout).toContain('data-site="acme-cloud"');
    const site = await Site.findOne({ key: "acme-cloud" }).lean();
    expect(site?.allowedOrigins).toEqual(["https://www.acme.example"]);

    const res = await login(url, "ana@acme.example", "a long enough password");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { agent: { role: string } }).agent.role).toBe("admin");
    expect(res.headers.get("set-cookie")).toMatch(/parley/i);

    const second = await admin(
      dataDir,
      [...setupArgs, "--key", "other", "--name", "Bo", "--email", "bo@acme.example"],
      {
        PARLEY_PASSWORD: "another long password",
      },
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/an admin already exists \(ana@acme\.example\)/);
    expect(await Agent.countDocuments()).toBe(1);
    expect(await Site.countDocuments()).toBe(1);

    await mongoose.disconnect();
    expect(await server.stop()).toBe(0);
  }, 90_000);

  it("should stop cleanly, exit code 0, on a SIGTERM that arrives while it is still starting", async () => {
    const dataDir = await newDataDir();
    const server = startServer(dataDir, { NODE_ENV: "production" });
    // devdb is up, and the server has the database connection, migrations and listening still ahead of it.
    const deadline = Date.now() + 60_000;
    while (!server.logs.some((l) => l.msg === "devdb: ready") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    server.child.kill("SIGTERM");
    // A process killed by the signal itself exits with code null, which a supervisor reads as a crash.
    expect(await server.exited).toBe(0);
    expect(server.logs.find((l) => l.event === "shutdown")?.reason).toBe("SIGTERM");
    // It did not leave the admin CLI pointed at a dead database.
    await expect(readFile(path.join(dataDir, "db", "devdb.uri"), "utf8")).rejects.toThrow(/ENOENT/);
  }, 90_000);

  it("should refuse to start while a demo account exists, until demo:remove deletes them", async () => {
    const dataDir = await newDataDir();
    // Demo mode wins over NODE_ENV=production: it seeds the demo accounts.
    const demo = startServer(dataDir, { NODE_ENV: "production", PARLEY_DEMO: "1" });
    await demo.listening();
    expect(await demo.stop()).toBe(0);

    const refused = startServer(dataDir, { NODE_ENV: "production" });
    expect(await refused.exited).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to start in production/);
    expect(refused.stderr).toContain("admin@example.com");
    expect(refused.stderr).toContain("npm run admin -- demo:remove");
    expect(refused.logs.find((l) => l.event === "listening")).toBeUndefined();

    // No server runs: the CLI starts devdb on the data directory itself.
    const removed = await admin(dataDir, ["demo:remove"]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/deleted the demo accounts .*admin@example\.com/);

    const server = startServer(dataDir, { NODE_ENV: "production" });
    const url = await server.listening();
    expect((await login(url, "admin@example.com", "admin-demo-pw")).status).toBe(401);
    expect(await server.stop()).toBe(0);
  }, 90_000);
});
