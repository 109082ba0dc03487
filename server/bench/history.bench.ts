// `npm run bench:history`: History search on devdb beside a live chat. Seeds closed chats (BENCH_HISTORY_CHATS,
// default 20,000) with their search fields, then measures search latency, and a live chat's reply ack latency
// with no search running and while searches run back to back (two at once: what the node's gate lets one site
// run). Figures only: nothing here passes or fails.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import mongoose from "mongoose";
import type { Socket } from "socket.io-client";
import { Agent } from "../src/agents/agent.model.ts";
import { hashPassword } from "../src/agents/password.ts";
import { startParley } from "../src/app/parley-server.ts";
import { loadConfig } from "../src/config/config.ts";
import { ClosedConversation } from "../src/conversations/conversation.model.ts";
import { HistoryHour, historyHourKey, hourOf, type StoredHistoryRow } from "../src/conversations/history-hour.model.ts";
import { HistorySpan } from "../src/conversations/history-span.model.ts";
import { startDevDb } from "../src/db/devdb.ts";
import { createLogger } from "../src/logging/logger.ts";
import { Site } from "../src/sites/site.model.ts";
import { ack, connect } from "./load/load-clients.ts";

const CHATS = Number(process.env.BENCH_HISTORY_CHATS ?? 20_000);
const MESSAGES = Number(process.env.BENCH_HISTORY_MESSAGES ?? 150);
const MESSAGE_INTERVAL_MS = 50;
const H = 3_600_000;

const WORDS = (
  "invoice login password export report billing account refund upgrade plan error timeout browser mobile " +
  "server backup restore permission email domain certificate payment card renewal license install crash slow " +
  "sync calendar contact import printer widget dashboard api token webhook integration language timezone"
).split(" ");

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
function summary(label: string, samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = { p50: pct(sorted, 0.5), p99: pct(sorted, 0.99) };
  console.log(`  ${label.padEnd(58)} n=${String(sorted.length).padStart(4)}  p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}`);
  return r;
}

/** A chat's visible text as the archive stores it: ~40 lines of words, lowercased (about 1.5 KB). */
function chatText(i: number): string {
  const lines: string[] = [];
  let x = i * 7919 + 13;
  for (let l = 0; l < 40; l++) {
    const words: string[] = [];
    for (let w = 0; w < 6; w++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      words.push(WORDS[x % WORDS.length] as string);
    }
    lines.push(words.join(" "));
  }
  // One rare word in one chat in a thousand.
  if (i % 1000 === 0) lines.push(`zanzibar ${i}`);
  return lines.join("\n");
}

/**
 * The history as the archive files it: each chat in closed_conversations, and its search row in the hour it closed
 * (history_hours), over the last 90 days.
 */
async function seed(site: mongoose.Types.ObjectId, agents: mongoose.Types.ObjectId[], now: Date): Promise<void> {
  const t0 = performance.now();
  const BATCH = 1_000;
  const hours = new Map<number, Record<string, string>>();
  const ticketed = new Map<number, Record<string, boolean>>();
  let firstHour = hourOf(now);
  for (let start = 0; start < CHATS; start += BATCH) {
    const docs = [];
    for (let i = start; i < Math.min(CHATS, start + BATCH); i++) {
      const _id = new mongoose.Types.ObjectId();
      const closedAt = new Date(now.getTime() - (i * 90 * 24 * H) / CHATS);
      const agent = agents[i % agents.length] as mongoose.Types.ObjectId;
      const doc = {
        _id,
        site,
        visitor: new mongoose.Types.ObjectId(),
        visitorName: `Visitor ${i}`,
        visitorEmail: `visitor${i}@example.test`,
        environment: null,
        status: "closed",
        assignee: agent,
        assigneeName: `Agent ${i % agents.length}`,
        lastSeq: 40,
        openKey: `closed:${_id.toHexString()}`,
        product: i % 3 === 0 ? "cloud" : "billing",
        closedAt,
        closeReason: "resolved",
        hadAgent: true,
        keyedMessages: true,
        preview: "a question",
        createdAt: new Date(closedAt.getTime() - 15 * 60_000),
        updatedAt: closedAt,
        hasTicket: i % 10 === 0,
      };
      docs.push(doc);
      const row: StoredHistoryRow = {
        closedAt: closedAt.toISOString(),
        visitorName: doc.visitorName,
        visitorEmail: doc.visitorEmail,
        assignee: { id: agent.toHexString(), name: doc.assigneeName },
        product: doc.product,
        closeReason: "resolved",
        handledBy: [agent.toHexString()],
        text: chatText(i),
        preview: doc.preview,
      };
      const hour = hourOf(closedAt);
      firstHour = Math.min(firstHour, hour);
      const chats = hours.get(hour) ?? {};
      chats[_id.toHexString()] = JSON.stringify(row);
      hours.set(hour, chats);
      const marks = ticketed.get(hour) ?? {};
      if (doc.hasTicket) marks[_id.toHexString()] = true;
      ticketed.set(hour, marks);
    }
    await ClosedConversation.collection.insertMany(docs, { ordered: false });
  }
  const buckets = [...hours].map(([hour, chats]) => ({
    _id: historyHourKey(site, hour),
    site,
    chats,
    ticketed: ticketed.get(hour) ?? {},
  }));
  for (let i = 0; i < buckets.length; i += 200) {
    await HistoryHour.collection.insertMany(buckets.slice(i, i + 200) as never[], { ordered: false });
  }
  await HistorySpan.collection.insertOne({ _id: site.toHexString(), firstHour } as never);
  console.log(
    `seeded ${CHATS} closed chats (${buckets.length} hours) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** Sends MESSAGES agent replies on a schedule (agents are not rate-limited) and returns each send → ack time. */
async function ackLatencies(sender: Socket, conversationId: string, tag: string): Promise<number[]> {
  const pending: Promise<number>[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const t0 = performance.now();
    pending.push(
      ack(sender, "message:send", {
        conversationId,
        clientMsgId: `${tag}_${i.toString().padStart(5, "0")}`,
        body: `live message ${i}`,
      }).then(() => performance.now() - t0),
    );
    await new Promise((r) => setTimeout(r, MESSAGE_INTERVAL_MS));
  }
  return Promise.all(pending);
}

const dataDir = await mkdtemp(path.join(tmpdir(), "parley-bench-history-"));
const devdb = await startDevDb({ dataDir });
const server = await startParley({
  config: loadConfig({ PORT: "0", LOG_LEVEL: "silent" }),
  logger: createLogger("silent"),
  mongoUri: devdb.uri,
  dbName: "bench_history",
});
const sockets: Socket[] = [];
try {
  const now = new Date();
  const site = await Site.create({
    key: "bench-history",
    name: "bench",
    allowedOrigins: [server.url],
    assignmentMode: "manual",
    products: [
      { id: "cloud", name: "Cloud" },
      { id: "billing", name: "Billing" },
    ],
  });
  const passwordHash = await hashPassword("bench-history-pw");
  const agents = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      Agent.create({ site: site._id, email: `a${i}@bench.test`, name: `Agent ${i}`, role: "agent", passwordHash }),
    ),
  );
  await seed(
    site._id,
    agents.map((a) => a._id),
    now,
  );

  const login = async (email: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "bench-history-pw" }),
    });
    return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  };
  const live = await connect(`${server.url}/agent`, { cookie: await login("a0@bench.test") });
  const searchers = await Promise.all(
    ["a1@bench.test", "a2@bench.test"].map(async (e) => connect(`${server.url}/agent`, { cookie: await login(e) })),
  );
  sockets.push(live, ...searchers);

  // The live chat: a visitor on the same site and database.
  const tokenRes = await fetch(`${server.url}/api/widget/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ siteKey: "bench-history" }),
  });
  const { visitorToken } = (await tokenRes.json()) as { visitorToken: string };
  const visitor = await connect(`${server.url}/visitor`, { auth: { siteKey: "bench-history", visitorToken } });
  sockets.push(visitor);
  const started = await ack<{ conversation: { id: string } }>(visitor, "conversation:start", {
    clientMsgId: "bench_start_0001",
    name: "Live Visitor",
    body: "Hello",
    environment: { url: "", referrer: "", userAgent: "", language: "en", timeZone: "UTC" },
  });
  const chatId = started.conversation.id;
  await ack(live, "conversation:accept", { conversationId: chatId });

  const a1 = agents[1]?._id.toHexString() ?? "";
  const searches: [string, Record<string, unknown>][] = [
    ["no filter (newest 25)", {}],
    ["one common word", { words: "invoice" }],
    ["two words", { words: "refund certificate" }],
    ["rare word", { words: "zanzibar" }],
    ["visitor substring", { visitor: "visitor 1234" }],
    ["agent + product + ticket", { agentId: a1, product: "cloud", hasTicket: true }],
    ["words + last 7 days", { words: "export", from: new Date(now.getTime() - 7 * 24 * H).toISOString() }],
  ];

  // One pass first, not counted: right after the bulk insert devdb is still settling it (the first searches took
  // ten times as long as the same searches a minute later).
  for (const [, input] of searches) await ack(searchers[0] as Socket, "history:search", input);
  console.log(`history search on devdb (${CHATS} closed chats, one site), each search alone:`);
  const alone: number[] = [];
  for (const [label, input] of searches) {
    const samples: number[] = [];
    let last: { rows: unknown[]; searchedTo: string | null } = { rows: [], searchedTo: null };
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      last = await ack(searchers[0] as Socket, "history:search", input);
      samples.push(performance.now() - t0);
    }
    // A page that stopped at its reading limit says how far back it got.
    const reach = last.searchedTo
      ? `, read back ${((now.getTime() - Date.parse(last.searchedTo)) / (24 * H)).toFixed(1)} days`
      : "";
    summary(`${label} (${last.rows.length} rows${reach})`, samples);
    alone.push(...samples);
  }
  summary("all searches", alone);

  console.log(`live chat message acks (${MESSAGES} messages, one every ${MESSAGE_INTERVAL_MS} ms):`);
  const idle = summary("no search running", await ackLatencies(live, chatId, "idle"));

  let running = true;
  const during: number[] = [];
  let refused = 0;
  let emptyPages = 0;
  const loop = async (socket: Socket, offset: number) => {
    for (let i = offset; running; i++) {
      const [, input] = searches[i % searches.length] as [string, Record<string, unknown>];
      const t0 = performance.now();
      try {
        const page = await ack<{ rows: unknown[] }>(socket, "history:search", input);
        during.push(performance.now() - t0);
        if (page.rows.length === 0) emptyPages++;
      } catch {
        refused++;
      }
    }
  };
  const loops = searchers.map((s, i) => loop(s, i * 3));
  const busy = summary("2 searches back to back", await ackLatencies(live, chatId, "busy"));
  running = false;
  await Promise.all(loops);
  summary("searches meanwhile", during);
  console.log(`  pages that stopped at their reading limit with no row yet: ${emptyPages}; refused (busy): ${refused}`);
  console.log(
    `  ack p99 ratio, searching / idle: ${(busy.p99 / idle.p99).toFixed(2)}  (p50 ratio ${(busy.p50 / idle.p50).toFixed(2)})`,
  );
} finally {
  for (const s of sockets) s.disconnect();
  await server.stop();
  await mongoose.disconnect().catch(() => {});
  await devdb.stop();
  await rm(dataDir, { recursive: true, force: true });
}
