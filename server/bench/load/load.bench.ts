// `npm run bench:load`: Parley under load on devdb, beside a bare Socket.IO relay driven by the same
// client code in the same run, and the ratio between them. Figures only: it prints, it asserts nothing.
//
//   1. K chats (visitor + accepting agent), an open-loop rate of visitor messages stepped up until Parley
//      saturates; the relay at the same steps.
//   2. 2,000 visitors connecting at once; heap per idle connection (server heap after GC, before and after).
//   3. The staff per-event check (`site:get` round trips).
//   4. History preloaded in bulk (messages, visitors, closed chats, tickets, expired sessions), then 1 and 3 again,
//      and the CPU each message costs the server and devdb against the empty database.
//   5. Reports during load: chat p99 while the figures, the ticket list or an SLA watch pass run.
//   6. Several nodes ("nodes"): the steps of 1 again, on 1 Parley node with Redis and on BENCH_NODES (3) nodes
//      sharing that Redis and devdb, each chat's visitor and agent on different nodes; each in a fresh database.
//
// Sizes can be turned down for a quick look: BENCH_K, BENCH_STEP_SECONDS, BENCH_RATES, BENCH_CONNECT,
// BENCH_HISTORY_SCALE, BENCH_NODES; BENCH_PHASES picks the phases (steps,connections,staff,history,reports,nodes).
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { AGENT_SESSION_COOKIE } from "@parley/shared/constants";
import { Redis } from "ioredis";
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
const PHASES = new Set((process.env.BENCH_PHASES ?? "steps,connections,staff,history,reports,nodes").split(","));
/** Phases 1–5 share one Parley node without Redis (and the relay); "nodes" starts its own. */
const CLASSIC = ["steps", "connections", "staff", "history", "reports"].some((p) => PHASES.has(p));
/** The node count compared with 1 in the "nodes" phase. */
const NODES = Number(process.env.BENCH_NODES ?? 3);
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
/** Every Parley node of the run. */
const PARLEY_ENV = {
  // The load is many messages per visitor; a visitor's own limit (2 a second) is not what is measured here.
  VISITOR_EVENT_BURST: "100000",
  VISITOR_EVENT_RATE: "100000",
  // The SLA watch runs when the bench says (reports during load), not on its own timer.
  SLA_WATCH_INTERVAL_MS: "3600000",
};
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

/** Every server process the bench has started and that has not exited yet: none may outlive the run. */
const children = new Set<ChildProcess>();

function startNode(script: string, env: Record<string, string>): Promise<Node> {
  const child = fork(path.join(here, script), {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
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

/** SIGTERM (a graceful stop), SIGKILL if one is still up 20 s later; resolves once each has exited. */
async function stopNodes(list: Iterable<ChildProcess>): Promise<void> {
  const running = [...list].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(async (child) => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }),
  );
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

/**
 * K chats on Parley, in the database mongoose is connected to. With several nodes, agent `j` connects to node
 * `j % n` and visitor `i` to node `i % n`, and chat `i` is accepted by an agent on node `(i + 1) % n`: every message
 * crosses Redis. With one node, agent `i % AGENTS` accepts chat `i`.
 */
async function parleyRig(
  servers: Node[],
): Promise<Rig & { site: SiteDoc; agentIds: mongoose.Types.ObjectId[]; cookies: string[] }> {
  const n = servers.length;
  if (n > AGENTS) throw new Error(`at most ${AGENTS} nodes (one agent each at least)`);
  const node = servers[0] as Node;
  const site = (
    await Site.create({
      key: "load",
      name: "Load",
      allowedOrigins: servers.map((s) => s.url),
      assignmentMode: "manual",
    })
  ).toObject() as SiteDoc;
  const agentIds: mongoose.Types.ObjectId[] = [];
  const cookies: string[] = [];
  const agents: Socket[] = [];
  const agentsOn: Socket[][] = servers.map(() => []);
  for (let i = 0; i < AGENTS; i++) {
    const role = i === 0 ? "supervisor" : "agent";
    const agent = await Agent.create({
      site: site._id,
      email: `load-${i}@example.test`,
      name: `Agent ${i}`,
      role,
      capacity: Math.ceil(K / Math.floor(AGENTS / n)) + 5,
      status: "online",
      preferredStatus: "online",
      passwordHash: "not-used: the bench opens sessions directly",
    });
    agentIds.push(agent._id);
    const { token } = await createAgentSession(agent._id);
    const cookie = `${AGENT_SESSION_COOKIE}=${token}`;
    cookies.push(cookie);
    const socket = await connect(`${(servers[i % n] as Node).url}/agent`, { cookie });
    agents.push(socket);
    agentsOn[i % n]?.push(socket);
  }
  const visitorAuth = async () => ({ siteKey: "load", visitorToken: await mintVisitor(site._id) });
  const visitors = await Promise.all(
    Array.from({ length: K }, async (_, i) =>
      connect(`${(servers[i % n] as Node).url}/visitor`, { auth: await visitorAuth() }),
    ),
  );
  const agentOf = (i: number) => {
    const on = agentsOn[(i + 1) % n] as Socket[];
    return on[Math.floor(i / n) % on.length] as Socket;
  };
  const chats = await openChats(
    visitors,
    visitors.map((_, i) => agentOf(i)),
    ENVIRONMENT,
  );
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

/** The machine's CPU time so far, both cores, in clock ticks: busy (neither idle nor waiting on I/O), stolen by the host, all. */
async function machineTicks(): Promise<{ busy: number; steal: number; total: number }> {
  const [, ...fields] = ((await readFile("/proc/stat", "utf8")).split("\n")[0] as string).trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal (guest time is counted in user already)
  const v = fields.slice(0, 8).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - (v[3] as number) - (v[4] as number), steal: v[7] as number, total };
}

interface ClusterStep {
  result: StepResult;
  /** CPU ms per delivered message: the Parley nodes together, devdb, Redis. */
  cpu: [number, number, number];
  /** How busy both cores were over the step, everything on the machine included (%), and the share stolen. */
  busy: number;
  steal: number;
  /** The load clients' own CPU over the step, % of one core. */
  clients: number;
}

/** A step at `rate` on a set of nodes, with the CPU it cost and how busy the machine was meanwhile. */
async function clusterStep(servers: Node[], chats: Chat[], devdbPid: number, redisPid: number | null, rate: number) {
  const groups = [servers.map((s) => s.pid), [devdbPid], redisPid === null ? [] : [redisPid]];
  const sum = async (pids: number[]) =>
    pids.length === 0 ? Number.NaN : (await Promise.all(pids.map(cpuMs))).reduce((a, b) => a + b, 0);
  const cpu = () => Promise.all(groups.map(sum));
  const [m0, c0, u0, t0] = [await machineTicks(), await cpu(), process.cpuUsage(), performance.now()];
  const result = await runStep(chats, rate, STEP_SECONDS);
  const [m1, c1, u1, t1] = [await machineTicks(), await cpu(), process.cpuUsage(u0), performance.now()];
  const per = (i: number) => ((c1[i] as number) - (c0[i] as number)) / Math.max(1, result.delivered);
  const ticks = Math.max(1, m1.total - m0.total);
  return {
    result,
    cpu: [per(0), per(1), per(2)],
    busy: (100 * (m1.busy - m0.busy)) / ticks,
    steal: (100 * (m1.steal - m0.steal)) / ticks,
    clients: (100 * (u1.user + u1.system)) / 1000 / (t1 - t0),
  } satisfies ClusterStep;
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

// ---- phases 1 to 5: one Parley node without Redis, beside the relay ----

interface Classic {
  lines: string[];
  /** The highest rates kept up with on the empty database (0: not measured). */
  parleyBest: number;
  relayBest: number;
}

async function classicPhases(devdb: DevDbHandle): Promise<Classic> {
  await mongoose.connect(devdb.uri, { dbName: "bench_load" });
  const nodes: Node[] = [];
  try {
    const parleyNode = await startNode("parley-node.ts", {
      ...PARLEY_ENV,
      MONGODB_URI: devdb.uri,
      BENCH_DB: "bench_load",
      // One self-contained process, whatever REDIS_URL the environment has.
      REDIS_URL: "",
    });
    nodes.push(parleyNode);
    const relayNode = await startNode("relay-node.ts", {});
    nodes.push(relayNode);
    const parley = await parleyRig([parleyNode]);
    const relay = await relayRig(relayNode);

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
          ([label, s]) =>
            `${label.split(" (")[0]?.split(",")[0]} ×${f(s.p99 / (reports[0]?.[1].p99 ?? Number.NaN), 2)}`,
        )
        .join(", ")}`,
      `- SLA watch pass over 200 due tickets ≤ 2 s: ${f(slaAloneMs)} ms alone, ${slaAloneMs <= 2000 ? "met" : "NOT met"}; ${f(slaMs)} ms during the chat load`,
    ];
    for (const s of [
      ...parley.chats.map((c) => c.visitor),
      ...parley.agents,
      ...relay.chats.map((c) => c.visitor),
      ...relay.agents,
    ])
      s.close();
    return { lines, parleyBest, relayBest };
  } finally {
    await stopNodes(nodes.map((n) => n.child));
    await mongoose.disconnect();
  }
}

// ---- phase 6: one node and several, on Redis ----

interface ClusterRun {
  count: number;
  dbName: string;
  prefix: string;
  servers: Node[];
  chats: Chat[];
  sockets: Socket[];
  steps: Map<number, ClusterStep>;
}

/** Redis's process, when it runs on this machine (its CPU then counts); null otherwise. */
async function redisProcess(redis: Redis): Promise<number | null> {
  const pid = Number(/process_id:(\d+)/.exec(await redis.info("server"))?.[1]);
  const comm = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "");
  return comm.includes("redis") ? pid : null;
}

async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return deleted;
}

/**
 * The steps of phase 1 on 1 node and on NODES nodes, both with Redis, each in a fresh database under a Redis prefix
 * of its own, both at each rate (so a noisy minute on the machine hits both), first one then the other, then the
 * other way round at the next rate (so neither always runs on the heels of the other), until neither keeps up.
 */
async function nodesPhase(devdb: DevDbHandle): Promise<ClusterRun[]> {
  const runId = randomBytes(4).toString("hex");
  const runs: ClusterRun[] = [1, NODES].map((count, i) => ({
    count,
    dbName: `bench_nodes_${i}`,
    prefix: `parley-bench-${runId}-${i}`,
    servers: [],
    chats: [],
    sockets: [],
    steps: new Map(),
  }));
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const redisPid = await redisProcess(redis);
    for (const c of runs) {
      const env = { ...PARLEY_ENV, MONGODB_URI: devdb.uri, BENCH_DB: c.dbName, REDIS_URL, REDIS_PREFIX: c.prefix };
      // One first, so the database's indexes and migrations are done before the others race for them.
      c.servers.push(await startNode("parley-node.ts", env));
      c.servers.push(
        ...(await Promise.all(Array.from({ length: c.count - 1 }, () => startNode("parley-node.ts", env)))),
      );
      await mongoose.connect(devdb.uri, { dbName: c.dbName });
      try {
        const rig = await parleyRig(c.servers);
        c.chats = rig.chats;
        c.sockets = [...rig.agents, ...rig.chats.map((chat) => chat.visitor)];
      } finally {
        await mongoose.disconnect();
      }
    }
    const going = runs.map(() => true);
    for (const [k, rate] of RATES.entries()) {
      if (!going.some(Boolean)) break;
      const order = k % 2 === 0 ? [...runs.keys()] : [...runs.keys()].reverse();
      for (const i of order) {
        const c = runs[i] as ClusterRun;
        if (!going[i]) continue;
        const step = await clusterStep(c.servers, c.chats, devdb.pid, redisPid, rate);
        c.steps.set(rate, step);
        going[i] = keptUp(step.result);
      }
      const said = runs.map((c) => {
        const s = c.steps.get(rate);
        return s
          ? `${c.count} node(s) delivered ${f(s.result.deliveredPerSecond)}/s, p99 ${f(s.result.p99, 1)} ms (machine ${f(s.busy)} % busy)`
          : `${c.count} node(s) stopped`;
      });
      console.log(`  nodes step ${rate}/s: ${said.join("; ")}`);
    }
    return runs;
  } finally {
    for (const c of runs) for (const s of c.sockets) s.close();
    await stopNodes(runs.flatMap((c) => c.servers.map((s) => s.child)));
    // The databases go with the run's devdb; the Redis keys would outlive it.
    for (const c of runs) {
      const deleted = await deleteKeys(redis, `${c.prefix}:*`).catch((err) => {
        console.warn(`could not delete the Redis keys under ${c.prefix}: ${err}`);
        return 0;
      });
      console.log(`  ${c.count} node(s): deleted ${deleted} Redis keys under ${c.prefix}:`);
    }
    redis.disconnect();
  }
}

function nodesLines(runs: ClusterRun[], classic: Classic | undefined): string[] {
  const [one, many] = runs as [ClusterRun, ClusterRun];
  const top = Math.max(...RATES);
  const best = (c: ClusterRun) =>
    Math.max(0, ...[...c.steps.values()].flatMap((s) => (keptUp(s.result) ? [s.result.offered] : [])));
  const said = (rate: number) => (rate === 0 ? "none" : rate === top ? `≥ ${rate}/s (the highest step)` : `${rate}/s`);
  const rates = RATES.filter((r) => runs.some((c) => c.steps.has(r)));
  const side = (s: ClusterStep | undefined) =>
    s
      ? [
          f(s.result.ackedPerSecond),
          f(s.result.deliveredPerSecond),
          f(s.result.p50, 1),
          f(s.result.p99, 1),
          `${s.result.errors}/${s.result.lost}/${s.result.duplicated}`,
        ]
      : ["stopped", "", "", "", ""];
  const cost = (s: ClusterStep | undefined) =>
    s ? [f(s.cpu[0], 2), f(s.cpu[1], 2), f(s.cpu[2], 2), f(s.busy), f(s.clients)] : ["", "", "", "", ""];
  const n = `${NODES} nodes`;
  const steps = runs.flatMap((c) => [...c.steps.values()]);
  const steal = steps.reduce((a, s) => a + s.steal, 0) / Math.max(1, steps.length);
  const lines = [
    "",
    `### 1 node and ${n} on Redis (K = ${K}, visitor → agent; with ${NODES} nodes the visitor of chat i is on node i % ${NODES}, its agent on node (i + 1) % ${NODES})`,
    "",
    `| offered/s | 1 node acked/s | delivered/s | p50 ms | p99 ms | err/lost/dup | ${n} acked/s | delivered/s | p50 ms | p99 ms | err/lost/dup | delivered ${NODES} ÷ 1 |`,
    `|${" --- |".repeat(12)}`,
    ...rates.map((rate) => {
      const a = one.steps.get(rate);
      const b = many.steps.get(rate);
      const ratio = a && b ? f(b.result.deliveredPerSecond / a.result.deliveredPerSecond, 2) : "—";
      return `| ${[String(rate), ...side(a), ...side(b), ratio].join(" | ")} |`;
    }),
    "",
    `Highest rate kept up with (all delivered, ≥ 95 % of the offered rate, p99 < 1 s, no errors): 1 node ${said(best(one))}, ${n} ${said(best(many))} (${n} ÷ 1 node: ${f(best(many) / best(one), 2)}).`,
  ];
  if (classic && PHASES.has("steps"))
    lines.push(
      `Earlier in this run (phase 1, no Redis): Parley on one node kept up with ${said(classic.parleyBest)}, the bare relay with ${said(classic.relayBest)}.`,
    );
  lines.push(
    "",
    `CPU per delivered message (ms) and the machine during each step: ${os.availableParallelism()} cores shared by the nodes, devdb, Redis and the load clients${steal >= 0.5 ? `, ${f(steal)} % of them stolen by the host on average` : ""}.`,
    "",
    `| offered/s | 1 node: nodes | devdb | Redis | machine busy % | clients % of a core | ${n}: nodes | devdb | Redis | machine busy % | clients % of a core |`,
    `|${" --- |".repeat(11)}`,
    ...rates.map(
      (rate) => `| ${[String(rate), ...cost(one.steps.get(rate)), ...cost(many.steps.get(rate))].join(" | ")} |`,
    ),
  );
  return lines;
}

// ---- the run ----

const dataDir = await mkdtemp(path.join(tmpdir(), "parley-load-db-"));
const devdb = await startDevDb({ dataDir });
try {
  console.log(
    `Load bench: K = ${K} chats, ${AGENTS} agents, ${STEP_SECONDS} s per step, devdb (FerretDB/SQLite); phases ${[...PHASES].join(", ")}\n`,
  );
  const classic = CLASSIC ? await classicPhases(devdb) : undefined;
  const runs = PHASES.has("nodes") ? await nodesPhase(devdb) : undefined;
  console.log(
    [
      ...(classic?.lines ?? []),
      ...(runs ? nodesLines(runs, classic) : []),
      "",
      `Total bench time ${f((performance.now() - started) / 1000, 0)} s.`,
    ].join("\n"),
  );
} finally {
  // Whatever a failed phase left running.
  await stopNodes(children);
  await mongoose.disconnect();
  await devdb.stop();
  await rm(dataDir, { recursive: true, force: true });
}
