import type { StatsDto, StatsRange } from "@parley/shared";
import { readInBatches } from "../db/read-in-batches.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { ClockFate } from "../sla/sla-clock.ts";
import { bucketGeneration, cachedBucket, rememberBucket } from "./bucket-cache.ts";
import { type ChatRow, computeStats, statsWindow, type TicketRow } from "./figures.ts";
import { ledgerSettled } from "./figures-ledger.ts";
import {
  bucketKeysBetween,
  StatsBucket,
  type StatsBucketDoc,
  type StoredChatRow,
  type StoredTicketRow,
} from "./stats-bucket.model.ts";

/**
 * Buckets read at once. Each is a large document for the database to decode, and the database has as many cores as
 * the machine: more reads at once than that do not finish sooner, they only crowd out the chats' commands (32 at
 * once held chat p99 at 300 ms on devdb with 2 cores).
 */
const READ_AHEAD = 2;

/**
 * The figures of a site for `range`, as of `now`: the rows of the chats and tickets created in the window, from the
 * hourly buckets the ledger keeps (figures-ledger.ts), read by primary key; the arithmetic is in figures.ts.
 */
export async function loadStats(site: SiteDoc, range: StatsRange, now: Date): Promise<StatsDto> {
  // Changes made just before (a chat closed a moment ago) are counted.
  await ledgerSettled();
  const window = statsWindow(range, site.supportHours.timeZone, now);
  const keys = bucketKeysBetween(site._id, window.from, window.to);
  const chats: ChatRow[] = [];
  const tickets: TicketRow[] = [];
  const missing = keys.filter((key) => {
    const hit = cachedBucket(key);
    if (hit) {
      chats.push(...hit.chats);
      tickets.push(...hit.tickets);
    }
    return !hit;
  });
  const readAt = bucketGeneration();
  await readInBatches(missing, READ_AHEAD, async (key) => {
    const b = await StatsBucket.findById(key).lean<StatsBucketDoc>().exec();
    const parsed = {
      chats: Object.values(b?.chats ?? {}).map(chatRow),
      tickets: Object.values(b?.tickets ?? {}).map(ticketRow),
    };
    rememberBucket(key, parsed, readAt);
    chats.push(...parsed.chats);
    tickets.push(...parsed.tickets);
  });
  return computeStats(window, chats, tickets);
}

// Dates travel in the rows as ISO strings; they are turned back field by field (a JSON reviver costs 5× more).
const date = (v: unknown): Date => new Date(v as string);
const dateOrNull = (v: unknown): Date | null => (v ? new Date(v as string) : null);

function chatRow(json: string): ChatRow {
  const row = JSON.parse(json) as StoredChatRow;
  return {
    ...row,
    status: row.status as ChatRow["status"],
    rating: (row.rating ?? null) as ChatRow["rating"],
    createdAt: date(row.createdAt),
    closedAt: dateOrNull(row.closedAt),
    firstAgentReplyAt: dateOrNull(row.firstAgentReplyAt),
  };
}

const fate = (f: ClockFate): ClockFate => (f.kind === "open" ? { kind: "open", breachAt: dateOrNull(f.breachAt) } : f);

function ticketRow(json: string): TicketRow {
  const row = JSON.parse(json) as StoredTicketRow;
  return {
    createdAt: date(row.createdAt),
    priority: row.priority as TicketRow["priority"],
    response: fate(row.response),
    workaround: row.workaround ? fate(row.workaround) : null,
  };
}
