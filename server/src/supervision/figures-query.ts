import type { StatsDto, StatsRange } from "@parley/shared";
import type { SiteDoc } from "../sites/site.model.ts";
import { type ChatRow, computeStats, statsWindow, type TicketRow } from "./figures.ts";
import { ledgerSettled } from "./figures-ledger.ts";
import {
  bucketKeysBetween,
  StatsBucket,
  type StatsBucketDoc,
  type StoredChatRow,
  type StoredTicketRow,
} from "./stats-bucket.model.ts";

/** Buckets read at once: enough to overlap the round trips of a week's 169 without flooding the pool. */
const READ_AHEAD = 32;

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
  for (let i = 0; i < keys.length; i += READ_AHEAD) {
    const buckets = await Promise.all(
      keys.slice(i, i + READ_AHEAD).map((key) => StatsBucket.findById(key).lean<StatsBucketDoc>().exec()),
    );
    for (const b of buckets) {
      if (!b) continue;
      for (const json of Object.values(b.chats ?? {})) chats.push(chatRow(json));
      for (const json of Object.values(b.tickets ?? {})) tickets.push(ticketRow(json));
    }
  }
  return computeStats(window, chats, tickets);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
/** Dates come back from JSON as ISO strings. */
const reviveDates = (_key: string, value: unknown): unknown =>
  typeof value === "string" && ISO.test(value) ? new Date(value) : value;

function chatRow(json: string): ChatRow {
  const row = JSON.parse(json, reviveDates) as StoredChatRow;
  return { ...row, status: row.status as ChatRow["status"] };
}

function ticketRow(json: string): TicketRow {
  const row = JSON.parse(json, reviveDates) as StoredTicketRow;
  return { ...row, priority: row.priority as TicketRow["priority"] };
}
