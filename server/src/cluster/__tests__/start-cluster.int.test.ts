import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { MessageDto } from "@parley/shared";
import { Redis } from "ioredis";
import mongoose from "mongoose";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_REDIS_URL } from "../../../test/cluster-harness.ts";
import { freePort } from "../../../test/free-port.ts";
import {
  collect,
  connected,
  msgId,
  ok,
  ServerClient,
  staffMember,
  type VisitorClient,
  waitFor,
  waitForAsync,
  waitingVisitor,
} from "../../../test/harness.ts";
import { Site } from "../../sites/site.model.ts";

// `npm run start:cluster -- --nodes 3` as a user runs it (the primary with its sticky balancer and three workers),
// on the suite's devdb and the machine's Redis. Clients know only the one port.
const SERVER_DIR = path.resolve(import.meta.dirname, "../../..");

class Balancer extends ServerClient {
  constructor(readonly url: string) {
    super();
  }
  close(): void {
    this.closeSockets();
  }
}

let primary: ChildProcess;
let lb: Balancer;
let output = "";
const dbName = `sc_${randomBytes(6).toString("hex")}`;
const prefix = `parley-test-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  const port = await freePort();
  const mongoUri = `${inject("mongoUri").replace(/\/?$/, "/")}${dbName}`;
  primary = spawn("npx", ["tsx", "src/app/cluster-main.ts", "--nodes", "3"], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      MONGODB_URI: mongoUri,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  primary.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  await waitFor(() => output.includes('"cluster_listening"'), 60_000);
  lb = new Balancer(`http://127.0.0.1:${port}`);
  await mongoose.connect(inject("mongoUri"), { dbName });
}, 90_000);

afterAll(async () => {
  lb?.close();
  if (primary?.pid) process.kill(-primary.pid, "SIGTERM");
  await new Promise((resolve) => primary?.once("exit", resolve));
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("npm run start:cluster", () => {
  it("should serve chats through one port, long-polling visitors included, and replace a node that dies", async () => {
    const health = await (await fetch(`${lb.url}/healthz`)).json();
    expect(health).toEqual({ status: "ok", db: "connected", redis: "up" });
    const pids = new Set([...output.matchAll(/"node":(\d+)/g)].map((m) => Number(m[1])));
    expect(pids.size).toBe(3);

    const site = (
      await Site.create({
        key: `s${randomBytes(4).toString("hex")}`,
        name: "s",
        allowedOrigins: [lb.url, lb.url.replace("127.0.0.1", "localhost")],
      })
    ).toObject();
    const ana = await staffMember(lb, site._id, { name: "Ana" });
    const vera = await waitingVisitor(lb, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    const heard = collect<MessageDto>(ana.socket, "message:new");

    // Long polling is many requests: only a sticky balancer keeps them on the node holding the session.
    const token = await lb.visitorToken(site.key);
    const polling: VisitorClient = io(`${lb.url}/visitor`, {
      auth: { siteKey: site.key, visitorToken: token },
      transports: ["polling"],
      forceNew: true,
    });
    try {
      await connected(polling);
      const { conversation } = await ok(polling, "conversation:start", {
        clientMsgId: msgId(),
        name: "Polly",
        body: "over polling",
        environment: { url: "https://x.test/", referrer: "", userAgent: "t", language: "en", timeZone: "UTC" },
      });
      await ok(ana.socket, "conversation:accept", { conversationId: conversation.id });
      for (let i = 0; i < 5; i++) {
        await ok(polling, "message:send", { conversationId: conversation.id, clientMsgId: msgId(), body: `poll ${i}` });
      }
      await waitFor(() => heard.filter((m) => m.body.startsWith("poll ")).length === 5);
    } finally {
      polling.disconnect();
    }

    await ok(ana.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body: "hello Vera" });
    await waitFor(() => vera.messages.some((m) => m.body === "hello Vera"));

    // A node killed: the primary starts another, and the service goes on.
    const victim = [...pids][0] as number;
    process.kill(victim, "SIGKILL");
    await waitFor(() => output.includes('"node_died"'), 20_000);
    const listening = () => new Set([...output.matchAll(/"node":(\d+),"event":"listening"/g)].map((m) => Number(m[1])));
    await waitForAsync(async () => [...listening()].some((pid) => !pids.has(pid)), 60_000);
    // The replacement has the fewest sessions, so the balancer sends it the next connections: they are served.
    const statuses = await Promise.all(
      Array.from({ length: 6 }, async () => (await fetch(`${lb.url}/healthz`)).status),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const bo = await staffMember(lb, site._id, { name: "Bo" });
    expect(bo.socket.connected).toBe(true);
  }, 120_000);
});
