// `npm run bench:load` (issue 10): Parley under load on devdb, beside a bare Socket.IO relay driven by the same
// client code in the same run, and the ratio between them. Figures only: it prints, it asserts nothing.
//
//   1. K chats (visitor + accepting agent), an open-loop rate of visitor messages stepped up until Parley
//      saturates; the relay at the same steps.
//   2. 2,000 visitors connecting at once; heap per idle connection (server heap after GC, before and after).
//   3. The staff per-event check (`site:get` round trips).
//   4. History preloaded in bulk (messages, visitors, closed chats, tickets, expired sessions), then 1 and 3 again,
//      and the CPU each message costs the server and devdb against the empty database.
//   5. Reports during load: chat p99 while the figures, the ticket list or an SLA watch pass run.
//
// Sizes can be turned down for a quick look: BENCH_K, BENCH_STEP_SECONDS, BENCH_CONNECT, BENCH_HISTORY_SCALE.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { AGENT_SESSION_COOKIE } from "@parley/shared/constants";
import mongoose from "mongoose";
import type { Socket } from "socket.io-client";
import { Agent } from "../../src/agents/agent.model.ts";
import { createAgentSession } from "../../src/agents/agent-sessions.ts";
import { type DevDbHandle, startDevDb } from "../../src/db/devdb.ts";
import { Site, type SiteDoc } from "../../src/sites/site.model.ts";
import { mintVisitor } from "../../src/visitors/visitor-auth.ts";
import { preloadHistory } from "./history.ts";
import {
  ack,
  type Chat,
  connect,
  connectMany,
  keptUp,
  openChats,
  runStep,
  type StepResult,
  sleep,
} from "./load-clients.ts";
import type { BenchReply } from "./node-ipc.ts";

const K = Number(process.env.BENCH_K ?? 200);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const RATES = (process.env.BENCH_RATES ?? "100,200,400,600,800,1000,1200,1600,2000").split(",").map(Number);
const CONNECT = Number(process.env.BENCH_CONNECT ?? 2000);
const SCALE = Number(process.env.BENCH_HISTORY_SCALE ?? 1);
const AGENTS = 10;
/** For a quick look at one part: e.g. BENCH_PHASES=history,reports (the table then has gaps). */
const PHASES = new Set((process.env.BENCH_PHASES ?? "steps,connections,staff,history,reports").split(","));
const HISTORY = {
  messages: Math.round(100_000 * SCALE),
  visitors: Math.round(50_000 * SCALE),
  closedConversations: Math.round(20_000 * SCALE),
  tickets: Math.round(5_000 * SCALE),
  // Two passes' worth (a pass takes 200): one measured alone, one during the chat load.
  dueTickets: 400,
  expiredSessions: Math.round(50_000 * SCALE),
};
const ENVIRONMENT = {
  url: "https://shop.example.test/",
  referrer: "",
  userAgent: "bench",
  language: "en",
  timeZone: "UTC",
};
const here = path.dirname(fileURLToPath(import.meta.url));
const started = performance.now();

// ---- the measured processes ----

interface Node {
  url: string;
  pid: number;
  child: ChildProcess;
  ask(kind: string): Promise<number>;
}

function startNode(script: string, env: Record<string, string>): Promise<Node> {
  const child = fork(path.join(here, script), {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 0;
  const waiting = new Map<number, (r: BenchReply) => void>();
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on("message", (m: { ready?: string } | BenchReply) => {
      if ("ready" in m && m.ready) {
        resolve({
          url: m.ready,
          pid: child.pid ?? 0,
          child,
          ask: (kind) =>
            new Promise((res, rej) => {
              const id = ++nextId;
              waiting.set(id, (r) => (r.ok ? res(r.value) : rej(new Error(r.error))));
              child.send({ id, kind });
            }),
        });
      } else if ("id" in m) waiting.get(m.id)?.(m);
    });
  });
}

/** CPU time (user + system) a process has used, in ms. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

// ---- Parley's and the relay's setup ----

interface Rig {
  name: string;
  node: Node;
  chats: Chat[];
  agents: Socket[];
  visitorAuth: () => Promise<object>;
  visitorUrl: string;
}

async function parleyRig(
  node: Node,
): Promise<Rig & { site: SiteDoc; agentIds: mongoose.Types.ObjectId[]; cookies: string[] }> {
  const site = (
    await Site.create({ key: "load", name: "Load", allowedOrigins: [node.url], assignmentMode: "manual" })
  ).toObject() as SiteDoc;
  const agentIds: mongoose.Types.ObjectId[] = [];
  const cookies: string[] = [];
  const agents: Socket[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const role = i === 0 ? "supervisor" : "agent";
    const agent = await Agent.create({
      site: site._id,
      email: `load-${i}@example.test`,
      name: `Agent ${i}`,
      role,
      capacity: Math.ceil(K / AGENTS) + 5,
      status: "online",
      preferredStatus: "online",
      passwordHash: "not-used: the bench opens sessions directly",
    });
    agentIds.push(agent._id);
    const { token } = await createAgentSession(agent._id);
    const cookie = `${AGENT_SESSION_COOKIE}=${token}`;
    cookies.push(cookie);
    agents.push(await connect(`${node.url}/agent`, { cookie }));
  }
  const visitorAuth = async () => ({ siteKey: "load", visitorToken: await mintVisitor(site._id) });
  const visitors = await Promise.all(
    Array.from({ length: K }, async () => connect(`${node.url}/visitor`, { auth: await visitorAuth() })),
  );
  const chats = await openChats(visitors, agents, ENVIRONMENT);
  return {
    name: "Parley",
    node,
    chats,
    agents,
    visitorAuth,
    visitorUrl: `${node.url}/visitor`,
    site,
    agentIds,
    cookies,
  };
}

async function relayRig(node: Node): Promise<Rig> {
  const agents = await Promise.all(Array.from({ length: AGENTS }, () => connect(`${node.url}/agent`, {})));
  const visitors = await Promise.all(Array.from({ length: K }, () => connect(`${node.url}/visitor`, {})));
  const chats = await openChats(visitors, agents, undefined);
  return { name: "relay", node, chats, agents, visitorAuth: async () => ({}), visitorUrl: `${node.url}/visitor` };
}

// ---- measurements ----

async function connections(rig: Rig): Promise<{ ms: number; heapPerConnection: number }> {
  const auths = await Promise.all(Array.from({ length: CONNECT }, () => rig.visitorAuth()));
  const before = await rig.node.ask("heap");
  const { sockets, ms } = await connectMany(CONNECT, (i) => connect(rig.visitorUrl, { auth: auths[i] as object }));
  await sleep(500);
  const after = await rig.node.ask("heap");
  for (const s of sockets) s.close();
  await sleep(500);
  return { ms, heapPerConnection: (after - before) / CONNECT };
}

/** Round trips of one cheap staff event: what the per-event session check costs on top of the socket. */
async function staffEvents(agent: Socket, n = 300): Promise<{ meanMs: number; p95Ms: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await ack(agent, "site:get", {});
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    meanMs: samples.reduce((a, b) => a + b, 0) / n,
    p95Ms: samples[Math.floor(0.95 * n)] as number,
  };
}

/** A step at `rate`, with the CPU the server and devdb spent per message delivered. */
async function costlyStep(rig: Rig, devdb: DevDbHandle | null, rate: number, during?: () => Promise<void>) {
  const pids = [rig.node.pid, ...(devdb ? [devdb.pid] : [])];
  const profile = process.env.BENCH_PROFILE !== undefined;
  if (profile) await rig.node.ask("profile:start");
  const before = await Promise.all(pids.map(cpuMs));
  const result = await runStep(rig.chats, rate, STEP_SECONDS, 15_000, during);
  const after = await Promise.all(pids.map(cpuMs));
  if (profile) await rig.node.ask("profile:stop");
  const spent = after.map((v, i) => v - (before[i] as number));
  const cpu = spent.reduce((a, b) => a + b, 0);
  const per = (ms: number) => ms / Math.max(1, result.delivered);
  return { result, cpuPerMessage: per(cpu), split: spent.map(per) };
}

// ---- printing ----

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
const pad = (s: string, n: number) => s.padStart(n);

function stepRow(rate: number, p: StepResult | undefined, r: StepResult | undefined): string {
  const side = (x: StepResult | undefined, acked: boolean) =>
    x
      ? [
          ...(acked ? [f(x.ackedPerSecond)] : []),
          f(x.deliveredPerSecond),
          f(x.p50, 1),
          f(x.p95, 1),
          f(x.p99, 1),
          `${x.errors}/${x.lost}/${x.duplicated}`,
        ]
      : [...(acked ? ["saturated"] : []), "", "", "", "", ""];
  const ratio = p && r ? f(p.p99 / r.p99, 1) : "—";
  return `| ${[String(rate), ...side(p, true), ...side(r, false), ratio].join(" | ")} |`;
}

const header = [
  "| offered/s | Parley acked/s | delivered/s | p50 ms | p95 ms | p99 ms | err/lost/dup | relay delivered/s | p50 ms | p95 ms | p99 ms | err/lost/dup | p99 Parley ÷ relay |",
  `|${" --- |".repeat(13)}`,
];

// ---- the run ----

const dataDir = await mkdtemp(path.join(tmpdir(), "parley-load-db-"));
const devdb = await startDevDb({ dataDir });
const nodes: Node[] = [];
try {
  await mongoose.connect(devdb.uri, { dbName: "bench_load" });
  const parleyNode = await startNode("parley-node.ts", {
    MONGODB_URI: devdb.uri,
    BENCH_DB: "bench_load",
    // The load is many messages per visitor; a visitor's own limit (2 a second) is not what is measured here.
    VISITOR_EVENT_BURST: "100000",
    VISITOR_EVENT_RATE: "100000",
    // The SLA watch runs when the bench says (reports during load), not on its own timer.
    SLA_WATCH_INTERVAL_MS: "3600000",
  });
  nodes.push(parleyNode);
  const relayNode = await startNode("relay-node.ts", {});
  nodes.push(relayNode);
  const parley = await parleyRig(parleyNode);
  const relay = await relayRig(relayNode);
  console.log(`Load bench: K = ${K} chats, ${AGENTS} agents, ${STEP_SECONDS} s per step, devdb (FerretDB/SQLite)\n`);

  // 1. Steps on the empty database, Parley and the relay in turn at each rate.
  const empty = new Map<number, { parley?: StepResult; relay?: StepResult }>();
  let parleyCpuEmpty = Number.NaN;
  let parleyGoing = true;
  let relayGoing = true;
  for (const rate of PHASES.has("steps") ? RATES : []) {
    if (!parleyGoing && !relayGoing) break;
    const row: { parley?: StepResult; relay?: StepResult } = {};
    let split: number[] = [];
    if (parleyGoing) {
      const { result, cpuPerMessage, split: s } = await costlyStep(parley, devdb, rate);
      split = s;
      row.parley = result;
      if (rate === 200) parleyCpuEmpty = cpuPerMessage;
      parleyGoing = keptUp(result);
    }
    if (relayGoing) {
      row.relay = await runStep(relay.chats, rate, STEP_SECONDS);
      relayGoing = keptUp(row.relay);
    }
    empty.set(rate, row);
    console.log(
      `  step ${rate}/s: Parley p99 ${f(row.parley?.p99 ?? Number.NaN, 1)} ms (CPU per message: server ${f(split[0] ?? Number.NaN, 2)} ms, devdb ${f(split[1] ?? Number.NaN, 2)} ms), relay p99 ${f(row.relay?.p99 ?? Number.NaN, 1)} ms`,
    );
  }

  // 2. Connections.
  const none = { ms: Number.NaN, heapPerConnection: Number.NaN };
  const parleyConn = PHASES.has("connections") ? await connections(parley) : none;
  const relayConn = PHASES.has("connections") ? await connections(relay) : none;

  // 3. Staff events, empty database.
  const noStaff = { meanMs: Number.NaN, p95Ms: Number.NaN };
  const staffEmpty = PHASES.has("staff") ? await staffEvents(parley.agents[1] as Socket) : noStaff;

  // 4. History.
  const h0 = performance.now();
  if (PHASES.has("history")) {
    await preloadHistory(parley.site, parley.agentIds[1] as mongoose.Types.ObjectId, HISTORY, new Date());
  }
  const historyMs = performance.now() - h0;
  const withHistory = new Map<number, StepResult>();
  let parleyCpuHistory = Number.NaN;
  for (const rate of PHASES.has("history") && PHASES.has("steps") ? [100, 200, 400] : []) {
    const { result, cpuPerMessage } = await costlyStep(parley, devdb, rate);
    withHistory.set(rate, result);
    if (rate === 200) parleyCpuHistory = cpuPerMessage;
  }
  const staffHistory = PHASES.has("staff") ? await staffEvents(parley.agents[1] as Socket) : noStaff;

  // 5. Reports during load at 100 messages/s.
  const supervisor = parley.agents[0] as Socket;
  // An SLA pass with nothing else going on; then each report opened once, a second into a window of steady chat
  // load, as a supervisor would (the first opening: nothing of it is cached yet), timed where it runs.
  const slaAloneMs = PHASES.has("reports") ? await parleyNode.ask("sla") : Number.NaN;
  let slaMs = Number.NaN;
  const reports: Array<[string, StepResult, string]> = [];
  const reportWindow = async (label: string, open: () => Promise<unknown>, note: (ms: number) => string) => {
    let took = Number.NaN;
    const { result } = await costlyStep(parley, devdb, 100, async () => {
      await sleep(1_000);
      const t0 = performance.now();
      await open();
      took = performance.now() - t0;
    });
    reports.push([label, result, note(took)]);
  };
  if (PHASES.has("reports")) {
    reports.push(["none (baseline)", (await costlyStep(parley, devdb, 100)).result, ""]);
    await reportWindow(
      "figures, last 7 days",
      () => ack(supervisor, "stats:get", { range: "7d" }),
      (ms) => `it took ${f(ms)} ms`,
    );
    await reportWindow(
      "ticket list",
      () => ack(supervisor, "ticket:list", {}),
      (ms) => `it took ${f(ms)} ms`,
    );
    await reportWindow(
      "SLA watch pass (200 due)",
      async () => {
        slaMs = await parleyNode.ask("sla");
      },
      () => `the pass took ${f(slaMs)} ms`,
    );
  }

  // ---- the table ----
  const relayBest = Math.max(
    0,
    ...[...empty.values()].flatMap((r) => (r.relay && keptUp(r.relay) ? [r.relay.offered] : [0])),
  );
  const parleyBest = Math.max(
    0,
    ...[...empty.values()].flatMap((r) => (r.parley && keptUp(r.parley) ? [r.parley.offered] : [0])),
  );
  const at100 = empty.get(100);
  const at400 = empty.get(400)?.parley;
  const lines = [
    "",
    `### Throughput and latency, empty database (K = ${K}, visitor → agent)`,
    "",
    ...header,
    ...[...empty.entries()].map(([rate, row]) => stepRow(rate, row.parley, row.relay)),
    "",
    `Highest rate kept up with (all delivered, ≥ 95 % of the offered rate, p99 < 1 s, no errors): Parley ${parleyBest}/s, relay ${relayBest}/s (ratio ${f(parleyBest / relayBest, 2)}).`,
    "",
    `### With history (${HISTORY.messages} messages, ${HISTORY.visitors} visitors, ${HISTORY.closedConversations} closed chats, ${HISTORY.tickets} tickets, ${HISTORY.expiredSessions} expired sessions; loaded in ${f(historyMs / 1000, 1)} s)`,
    "",
    "| offered | acked/s | delivered/s | p50 ms | p95 ms | p99 ms | err/lost/dup |",
    "|---------|---------|-------------|--------|--------|--------|--------------|",
    ...[...withHistory.entries()].map(
      ([rate, s]) =>
        `| ${pad(String(rate), 7)} | ${pad(f(s.ackedPerSecond), 7)} | ${pad(f(s.deliveredPerSecond), 11)} | ${pad(f(s.p50, 1), 6)} | ${pad(f(s.p95, 1), 6)} | ${pad(f(s.p99, 1), 6)} | ${pad(`${s.errors}/${s.lost}/${s.duplicated}`, 12)} |`,
    ),
    "",
    `CPU per message (Parley + devdb, at 200/s): empty ${f(parleyCpuEmpty, 2)} ms, with history ${f(parleyCpuHistory, 2)} ms (×${f(parleyCpuHistory / parleyCpuEmpty, 2)}).`,
    "",
    "### Connections and staff events",
    "",
    "| | Parley | relay | ratio |",
    "|---|---|---|---|",
    `| ${CONNECT} visitors connecting at once | ${f(parleyConn.ms)} ms | ${f(relayConn.ms)} ms | ${f(parleyConn.ms / relayConn.ms, 1)} |`,
    `| heap per idle visitor connection | ${f(parleyConn.heapPerConnection / 1024, 1)} KB | ${f(relayConn.heapPerConnection / 1024, 1)} KB | ${f(parleyConn.heapPerConnection / relayConn.heapPerConnection, 2)} |`,
    `| staff event round trip (\`site:get\`), no stored sessions | ${f(staffEmpty.meanMs, 2)} ms (p95 ${f(staffEmpty.p95Ms, 2)}) | | |`,
    `| the same with ${HISTORY.expiredSessions} stored sessions | ${f(staffHistory.meanMs, 2)} ms (p95 ${f(staffHistory.p95Ms, 2)}) | | ×${f(staffHistory.meanMs / staffEmpty.meanMs, 2)} |`,
    "",
    "### Reports during load (100 messages/s, with history; each opened once in its window)",
    "",
    "| running meanwhile | chat p50 ms | chat p99 ms | p99 × baseline | |",
    "|---|---|---|---|---|",
    ...reports.map(
      ([label, s, note]) =>
        `| ${label} | ${f(s.p50, 1)} | ${f(s.p99, 1)} | ${f(s.p99 / (reports[0]?.[1].p99 ?? Number.NaN), 2)} | ${note} |`,
    ),
    "",
    "### Targets",
    "",
    `- ≥ 400 messages/s at K = ${K}, 0 lost, 0 duplicated: ${at400 && keptUp(at400) && at400.duplicated === 0 ? "met" : "NOT met"} (kept up to ${parleyBest}/s)`,
    `- p99 ≤ 100 ms at 100 messages/s: ${f(at100?.parley?.p99 ?? Number.NaN, 1)} ms, ${(at100?.parley?.p99 ?? Number.POSITIVE_INFINITY) <= 100 ? "met" : "NOT met"}`,
    `- cost per message with history within 1.5× of empty: ×${f(parleyCpuHistory / parleyCpuEmpty, 2)}, ${parleyCpuHistory / parleyCpuEmpty <= 1.5 ? "met" : "NOT met"}`,
    `- ${CONNECT} visitors connect in ≤ 5 s: ${f(parleyConn.ms)} ms, ${parleyConn.ms <= 5000 ? "met" : "NOT met"}`,
    `- heap per idle visitor ≤ 1.3× the relay's: ×${f(parleyConn.heapPerConnection / relayConn.heapPerConnection, 2)}, ${parleyConn.heapPerConnection / relayConn.heapPerConnection <= 1.3 ? "met" : "NOT met"}`,
    `- staff check flat with ${HISTORY.expiredSessions} sessions: ×${f(staffHistory.meanMs / staffEmpty.meanMs, 2)}`,
    `- reports raise chat p99 by ≤ 2×: ${reports
      .slice(1)
      .map(
        ([label, s]) => `${label.split(" (")[0]?.split(",")[0]} ×${f(s.p99 / (reports[0]?.[1].p99 ?? Number.NaN), 2)}`,
      )
      .join(", ")}`,
    `- SLA watch pass over 200 due tickets ≤ 2 s: ${f(slaAloneMs)} ms alone, ${slaAloneMs <= 2000 ? "met" : "NOT met"}; ${f(slaMs)} ms during the chat load`,
    "",
    `Total bench time ${f((performance.now() - started) / 1000, 0)} s.`,
  ];
  console.log(lines.join("\n"));
  for (const s of [
    ...parley.chats.map((c) => c.visitor),
    ...parley.agents,
    ...relay.chats.map((c) => c.visitor),
    ...relay.agents,
  ])
    s.close();
} finally {
  for (const n of nodes) n.child.kill("SIGTERM");
  await Promise.all(
    nodes.map((n) => new Promise((r) => (n.child.exitCode !== null ? r(null) : n.child.once("exit", r)))),
  );
  await mongoose.disconnect();
  await devdb.stop();
  await rm(dataDir, { recursive: true, force: true });
}
