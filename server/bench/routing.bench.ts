// `npm run bench`: routing throughput and latency on a real server, real devdb and real sockets, plus the
// calendar arithmetic the SLA engine will lean on. Figures only: nothing here passes or fails.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ConversationSummaryDto } from "@parley/shared";
import { POLICY_CALENDAR } from "@parley/shared";
import { io, type Socket } from "socket.io-client";
import { Agent } from "../src/agents/agent.model.ts";
import { hashPassword } from "../src/agents/password.ts";
import { startParley } from "../src/app/parley-server.ts";
import { loadConfig } from "../src/config/config.ts";
import { startDevDb } from "../src/db/devdb.ts";
import { createLogger } from "../src/logging/logger.ts";
import { Site } from "../src/sites/site.model.ts";
import { addWorkingTime, isOpen } from "../src/support-hours/calendar.ts";

const CHATS = Number(process.env.BENCH_CHATS ?? 100);
const AGENTS = 3;
const CONCURRENCY = 2;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(40)} p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  max ${f(s.at(-1) ?? Number.NaN)} ms`;
}

async function ack<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const res = (await socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean; data: T; error?: unknown };
  if (!res.ok) throw new Error(`${event}: ${JSON.stringify(res.error)}`);
  return res.data;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });

async function benchRouting(mongoUri: string): Promise<void> {
  const server = await startParley({
    config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }),
    logger: createLogger("silent"),
    mongoUri,
    dbName: "bench",
  });
  const sockets: Socket[] = [];
  try {
    const site = await Site.create({ key: "bench", name: "bench", allowedOrigins: [...server.origins.all] });
    const offeredAt = new Map<string, number>();
    const accepts: Promise<unknown>[] = [];
    const perAgent = new Map<string, number>();
    for (let i = 0; i < AGENTS; i++) {
      const email = `bench-${i}@example.test`;
      const password = "bench-password-1";
      const agent = await Agent.create({
        site: site._id,
        email,
        name: `Agent ${i}`,
        capacity: 100,
        passwordHash: await hashPassword(password),
      });
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
      const socket = io(`${server.url}/agent`, { transports: ["websocket"], forceNew: true, extraHeaders: { cookie } });
      sockets.push(socket);
      const me = agent._id.toHexString();
      socket.on("conversation:updated", (c: ConversationSummaryDto) => {
        if (c.status !== "queued" || c.offer?.agent.id !== me || offeredAt.has(c.id)) return;
        offeredAt.set(c.id, performance.now());
        perAgent.set(me, (perAgent.get(me) ?? 0) + 1);
        accepts.push(ack(socket, "conversation:accept", { conversationId: c.id }));
      });
      await connected(socket);
    }
    while ((await Agent.countDocuments({ site: site._id, status: "online" })) < AGENTS) {
      await new Promise((r) => setTimeout(r, 20));
    }

    const startAck: number[] = [];
    const toOffer: number[] = [];
    const began = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < CHATS) {
        const n = next++;
        const res = await fetch(`${server.url}/api/widget/session`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: server.url },
          body: JSON.stringify({ siteKey: "bench" }),
        });
        const { visitorToken } = (await res.json()) as { visitorToken: string };
        const visitor = io(`${server.url}/visitor`, {
          transports: ["websocket"],
          forceNew: true,
          auth: { siteKey: "bench", visitorToken },
          extraHeaders: { origin: server.url },
        });
        sockets.push(visitor);
        await connected(visitor);
        const t0 = performance.now();
        const started = await ack<{ conversation: { id: string } }>(visitor, "conversation:start", {
          clientMsgId: `bench-${n}-${Date.now()}`,
          name: `Visitor ${n}`,
          body: "Hello",
          environment: { url: server.url, referrer: "", userAgent: "bench", language: "en", timeZone: "UTC" },
        });
        startAck.push(performance.now() - t0);
        const id = started.conversation.id;
        while (!offeredAt.has(id)) await new Promise((r) => setTimeout(r, 2));
        toOffer.push((offeredAt.get(id) as number) - t0);
        visitor.disconnect();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await Promise.all(accepts);
    const seconds = (performance.now() - began) / 1000;

    console.log(`routing: ${CHATS} chats, ${AGENTS} agents auto-accepting, ${CONCURRENCY} visitors at a time`);
    console.log(summary("  conversation:start ack (incl. routing)", startAck));
    console.log(summary("  start → offer seen by agent", toOffer));
    console.log(
      `  throughput                         ${(CHATS / seconds).toFixed(1)} chats/s (${seconds.toFixed(1)} s)`,
    );
    console.log(`  spread                             ${[...perAgent.values()].join(" / ")}`);
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
  }
}

function benchCalendar(): void {
  const N = 20_000;
  const base = Date.parse("2026-01-05T00:00:00Z");
  const starts = Array.from({ length: N }, (_, i) => new Date(base + ((i * 7_919_000) % (365 * 86_400_000))));
  let t0 = performance.now();
  for (const s of starts) addWorkingTime(POLICY_CALENDAR, s, 8 * 3_600_000);
  const addMs = performance.now() - t0;
  t0 = performance.now();
  for (const s of starts) isOpen(POLICY_CALENDAR, s);
  const openMs = performance.now() - t0;
  console.log(`calendar (policy hours, ${N} random instants over a year)`);
  console.log(`  addWorkingTime(+8 working h)       ${((N / addMs) * 1000).toFixed(0)} ops/s`);
  console.log(`  isOpen                             ${((N / openMs) * 1000).toFixed(0)} ops/s`);
}

import mongoose from "mongoose";

const ops = new Map<string, number>();
if (process.env.BENCH_COUNT_OPS)
  mongoose.set("debug", (coll: string, method: string) => {
    const k = `${coll}.${method}`;
    ops.set(k, (ops.get(k) ?? 0) + 1);
  });
const dataDir = await mkdtemp(path.join(tmpdir(), "parley-bench-db-"));
const devdb = await startDevDb({ dataDir });
try {
  benchCalendar();
  await benchRouting(devdb.uri);
  if (process.env.BENCH_COUNT_OPS) console.log([...ops].sort((a, b) => b[1] - a[1]));
  console.log(`memory: rss ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MiB after the run`);
} finally {
  await devdb.stop();
  await rm(dataDir, { recursive: true, force: true });
}
