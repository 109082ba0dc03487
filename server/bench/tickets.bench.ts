// `npm run bench`: the ticket list, the SLA watch and the supervisors' figures on devdb, and the SLA
// engine's arithmetic. Figures only: nothing here passes or fails.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { POLICY_CALENDAR, type TicketListInput } from "@parley/shared";
import mongoose from "mongoose";
import type { AgentDoc } from "../src/agents/agent.model.ts";
import { startParley } from "../src/app/parley-server.ts";
import { loadConfig } from "../src/config/config.ts";
import { Conversation } from "../src/conversations/conversation.model.ts";
import { startDevDb } from "../src/db/devdb.ts";
import { loadStats } from "../src/figures/figures-query.ts";
import { createLogger } from "../src/logging/logger.ts";
import { Site, type SiteDoc } from "../src/sites/site.model.ts";
import { readSla } from "../src/sla/sla-clock.ts";
import { buildLedger } from "../src/supervision/figures-rebuild.ts";
import { reconcileSchedule } from "../src/tickets/sla-schedule.ts";
import { Ticket } from "../src/tickets/ticket.model.ts";
import { buildTicketIndex, listTickets } from "../src/tickets/ticket-list.ts";
import { benchTicketDocs } from "./fixtures/ticket-docs.ts";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 500);
const H = 3_600_000;

function p(sorted: number[], q: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN).toFixed(1).padStart(7);
}

async function timed(label: string, runs: number, f: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(38)} p50 ${p(samples, 0.5)} ms  p95 ${p(samples, 0.95)} ms`);
}

function benchEngine(): void {
  const N = 20_000;
  const start = new Date("2026-11-02T10:00:00Z");
  const clock = {
    startedAt: start,
    targetMs: 63 * H,
    pauses: [{ from: new Date(start.getTime() + 5 * H), to: new Date(start.getTime() + 30 * H) }],
    metAt: null,
  };
  const t0 = performance.now();
  for (let i = 0; i < N; i++) readSla(POLICY_CALENDAR, clock, new Date(start.getTime() + (i % 100) * H));
  console.log(`SLA engine (policy hours, 3 working days, one pause)`);
  console.log(`  readSla                              ${((N / (performance.now() - t0)) * 1000).toFixed(0)} ops/s`);
}

async function benchTickets(mongoUri: string): Promise<void> {
  const now = new Date("2026-11-02T10:00:00Z");
  const server = await startParley({
    // The watch runs only when the bench says, so list timings don't share devdb with it.
    config: loadConfig({ PORT: "0", LOG_LEVEL: "silent", SLA_WATCH_INTERVAL_MS: "3600000" }),
    logger: createLogger("silent"),
    mongoUri,
    dbName: "bench_tickets",
    clock: () => now,
  });
  try {
    const site = (
      await Site.create({ key: "bench-t", name: "bench", products: [{ id: "cloud", name: "Cloud" }] })
    ).toObject() as SiteDoc;
    const agent = { _id: new mongoose.Types.ObjectId(), site: site._id } as unknown as AgentDoc;
    const docs = benchTicketDocs(site, now, TICKETS, { assignee: agent._id });
    const t0 = performance.now();
    await Ticket.insertMany(docs, { ordered: false });
    // What the server keeps beside the tickets, built as a deployment's first start builds it for existing data.
    await Promise.all([buildTicketIndex(), reconcileSchedule()]);
    console.log(`tickets on devdb: ${TICKETS} tickets (inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const one = docs[TICKETS - 1] as { sourceKey: string };
    const stored = await Ticket.findOne({ sourceKey: one.sourceKey }).lean<{ _id: mongoose.Types.ObjectId }>();
    await timed("one ticket by _id", 10, () => Ticket.findById(stored?._id).lean());
    const list = (input: TicketListInput) => () => listTickets(agent, input, now);
    await timed("ticket:list, default (nearest due)", 10, list({}));
    await timed("ticket:list, open + critical", 10, list({ status: ["open"], priority: ["critical"] }));
    await timed("ticket:list, search by words", 10, list({ q: "number 1999" }));
    await timed("ticket:list, search by number", 10, list({ q: "T-2500" }));
    await timed("ticket:list, mine", 10, list({ assignee: "me" }));
    await benchFigures(site, now);
    const due = await Ticket.countDocuments({ nextCheckAt: { $lte: now } });
    const s0 = performance.now();
    await server.tickets.sweep();
    console.log(
      `  SLA watch pass                        ${(performance.now() - s0).toFixed(0)} ms for ${Math.min(due, 200)} tickets due (of ${due}; 200 per pass)`,
    );
  } finally {
    await server.stop();
  }
}

/** The supervisors' figures (`stats:get`) over a week of chats. */
async function benchFigures(site: SiteDoc, now: Date): Promise<void> {
  const CHATS = Number(process.env.BENCH_FIGURE_CHATS ?? 1000);
  const rows = Array.from({ length: CHATS }, (_, i) => {
    const createdAt = new Date(now.getTime() - (i % 168) * H - 60_000);
    const answered = i % 4 !== 0;
    return {
      site: site._id,
      visitor: new mongoose.Types.ObjectId(),
      visitorName: `Visitor ${i}`,
      status: i % 3 === 0 ? "active" : "closed",
      openKey: `bench-figures:${i}`,
      assignee: answered ? new mongoose.Types.ObjectId() : null,
      assigneeName: answered ? `Agent ${i % 5}` : null,
      createdAt,
      firstAgentReplyAt: answered ? new Date(createdAt.getTime() + (i % 300) * 1000) : null,
      lastVisitorMessageAt: createdAt,
      closedAt: i % 3 === 0 ? null : new Date(createdAt.getTime() + 20 * 60_000),
    };
  });
  await Conversation.insertMany(rows, { ordered: false });
  await buildLedger();
  console.log(`figures (stats:get) on devdb: ${CHATS} chats over 7 days, ${TICKETS} tickets`);
  await timed("stats:get today", 5, () => loadStats(site, "today", now));
  await timed("stats:get last 7 days", 5, () => loadStats(site, "7d", now));
}

const dataDir = await mkdtemp(path.join(tmpdir(), "parley-bench-db-"));
const devdb = await startDevDb({ dataDir });
try {
  benchEngine();
  await benchTickets(devdb.uri);
} finally {
  await devdb.stop();
  await rm(dataDir, { recursive: true, force: true });
}
