// Several real Parley processes on one database and the machine's Redis: the multi-node deployment, for tests.
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { AssignmentMode, Product } from "@parley/shared";
import { Redis } from "ioredis";
import mongoose from "mongoose";
import { inject } from "vitest";
import { Site } from "../src/sites/site.model.ts";
import { collectLogLines } from "./child-process-logs.ts";
import type { NodeReady, NodeReply, NodeRequest } from "./cluster-node.ts";
import { ServerClient } from "./harness.ts";

/** The machine's Redis (CI starts one if none answers: .ci/run). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

const NODE_FILE = fileURLToPath(new URL("./cluster-node.ts", import.meta.url));

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: () => void; reject: (err: Error) => void };

/** One process of the cluster; sockets opened through it connect to this node only. */
export class ClusterNode extends ServerClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  readonly exited: Promise<number | null>;
  /** The node's log lines, parsed (only with `captureLogs`). */
  readonly logs: Record<string, unknown>[] = [];

  constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly origins: string[],
  ) {
    super();
    collectLogLines(child.stdout, this.logs);
    child.on("message", (reply: NodeReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve();
      else p.reject(new Error(reply.error));
    });
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  /** Sets this node's ManualClock (the cluster was started with `clockAt`). */
  setClock(at: Date | string): Promise<void> {
    return this.request({ kind: "clock:set", at: new Date(at).toISOString() });
  }

  /** One SLA watch pass on this node, at its clock's time. */
  slaSweep(): Promise<void> {
    return this.request({ kind: "sla:sweep" });
  }

  /** One chat-alert check on this node, at its clock's time. */
  alertCheck(): Promise<void> {
    return this.request({ kind: "alerts:check" });
  }

  /** `kill -9`: no shutdown, no drain. Its clients see their connection drop, as they would in production. */
  kill(): Promise<number | null> {
    this.child.kill("SIGKILL");
    return this.exited;
  }

  async stop(): Promise<void> {
    this.closeSockets();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    await this.exited;
  }

  /** Drops this test's sockets (a client going away), keeping the node up. */
  disconnectClients(): void {
    this.closeSockets();
  }

  private request(req: DistributiveOmit<NodeRequest, "id">): Promise<void> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...req, id });
    });
  }
}

export interface ClusterOptions {
  /** Added to every node's environment (e.g. VISITOR_EVENT_BURST). */
  env?: Record<string, string>;
  /** Starts every node on a ManualClock at this time (`ClusterNode.setClock` moves it). */
  clockAt?: Date;
  /** Keeps each node's warnings and errors in `ClusterNode.logs` instead of printing them. */
  captureLogs?: boolean;
  /** Another Redis than the machine's (a test that stops it); "" runs the nodes without Redis. */
  redisUrl?: string;
}

/**
 * N real Parley processes sharing the suite's devdb (one fresh database per cluster) and Redis (under a key prefix of
 * their own, so suites running side by side don't hear each other). The test process connects to the same
 * database to set up sites and agents, as an admin's tools would.
 */
export class TestCluster {
  private constructor(
    readonly nodes: ClusterNode[],
    readonly dbName: string,
    readonly redisPrefix: string,
    private readonly redisUrl: string,
    private readonly spawnNode: () => Promise<ClusterNode>,
  ) {}

  static async start(count: number, opts: ClusterOptions = {}): Promise<TestCluster> {
    const dbName = `c_${randomBytes(6).toString("hex")}`;
    const redisPrefix = `parley-test-${randomBytes(4).toString("hex")}`;
    const mongoUri = inject("mongoUri");
    await mongoose.connect(mongoUri, { dbName });
    const level = process.env.TEST_LOG_LEVEL ?? "silent";
    const spawnNode = () =>
      startNode(opts.captureLogs ?? false, {
        ...(process.env as Record<string, string>),
        MONGODB_URI: mongoUri,
        PARLEY_TEST_DB: dbName,
        REDIS_URL: opts.redisUrl ?? TEST_REDIS_URL,
        REDIS_PREFIX: redisPrefix,
        LOG_LEVEL: opts.captureLogs ? "warn" : level,
        ...(opts.clockAt ? { PARLEY_TEST_CLOCK: opts.clockAt.toISOString() } : {}),
        ...opts.env,
      });
    // One first, so the database's indexes and migrations are done before the others race for them.
    const first = await spawnNode();
    const rest = await Promise.all(Array.from({ length: count - 1 }, spawnNode));
    return new TestCluster([first, ...rest], dbName, redisPrefix, opts.redisUrl ?? TEST_REDIS_URL, spawnNode);
  }

  node(i: number): ClusterNode {
    const node = this.nodes[i];
    if (!node) throw new Error(`no node ${i}`);
    return node;
  }

  /** Starts one more node (e.g. to replace one that was killed). */
  async addNode(): Promise<ClusterNode> {
    const node = await this.spawnNode();
    this.nodes.push(node);
    return node;
  }

  /** A site whose allowed origins are every node's. */
  async createSite(
    settings: { assignmentMode?: AssignmentMode; offerTimeoutSeconds?: number; products?: Product[] } = {},
  ) {
    const key = `site${randomBytes(4).toString("hex")}`;
    const site = await Site.create({
      key,
      name: key,
      allowedOrigins: this.nodes.flatMap((n) => n.origins),
      assignmentMode: settings.assignmentMode ?? "manual",
      offerTimeoutSeconds: settings.offerTimeoutSeconds ?? 30,
      products: settings.products ?? [],
    });
    return site.toObject();
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    if (this.redisUrl === "") return;
    const redis = new Redis(this.redisUrl);
    try {
      const keys = await redis.keys(`${this.redisPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }
}

function startNode(captureLogs: boolean, env: Record<string, string>): Promise<ClusterNode> {
  const child = fork(NODE_FILE, [], {
    env,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", captureLogs ? "pipe" : "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`cluster node exited with ${code} before it was ready`));
    child.once("exit", onExit);
    child.on("message", function ready(msg: NodeReady | NodeReply) {
      if (!("ready" in msg)) return;
      child.off("message", ready);
      child.off("exit", onExit);
      resolve(new ClusterNode(child, msg.ready.url, msg.ready.origins));
    });
  });
}
