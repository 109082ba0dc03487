import type { HistoryCursor, HistoryPageDto, HistoryRowDto, HistorySearchInput } from "@parley/shared";
import { HISTORY_PAGE_SIZE } from "@parley/shared";
import type { Types } from "mongoose";
import {
  HistoryHour,
  type HistoryHourDoc,
  HOUR_MS,
  historyHourKey,
  hourOf,
} from "../conversations/history-hour.model.ts";
import { HistorySpan, type HistorySpanDoc } from "../conversations/history-span.model.ts";
import { type ParsedRow, parseStoredRow, snippetOf } from "./history-row.ts";

/**
 * How much one page may read before it answers with what it found and a cursor to go on from: a month of hours or
 * 5,000 chats, or the time limit (HISTORY_PAGE_MS, 2 s by default), whichever comes first. A search for something
 * rare in a long history then takes several pages ("searched back to …"), and no single request holds the
 * database the live chats write to for long.
 */
export const PAGE_SCAN_LIMITS = { hours: 31 * 24, chats: 5_000 };
/** Hours read at once: a few primary-key reads overlapped, not a flood (db/read-in-batches.ts). */
const HOURS_AT_ONCE = 2;
/** A cursor with this id means "strictly before its closedAt": where a page stopped between two hours. */
const BEFORE_ALL = "000000000000000000000000";

export const searchWords = (words: string | undefined): string[] => [
  ...new Set((words ?? "").toLowerCase().split(/\s+/).filter(Boolean)),
];

/** (closedAt, id) strictly before the cursor, newest first. */
const before = (c: ParsedRow, cursor: { at: number; id: string } | null): boolean =>
  !cursor || c.closedAt < cursor.at || (c.closedAt === cursor.at && c.row.id < cursor.id);
const newestFirst = (a: ParsedRow, b: ParsedRow): number => b.closedAt - a.closedAt || (a.row.id < b.row.id ? 1 : -1);

/**
 * One page of the site's closed chats, newest closed first, read hour by hour backwards by primary key. Filters are
 * matched here, as plain text (so whatever the user typed is literal: no query operator, no regex). Ordered by
 * (closedAt, id), so a page boundary falls between two rows exactly: no row twice, none skipped.
 */
export async function searchHistory(
  siteId: Types.ObjectId,
  input: HistorySearchInput,
  opts: { pageMs: number; now?: Date },
): Promise<HistoryPageDto> {
  const now = opts.now ?? new Date();
  const limit = input.limit ?? HISTORY_PAGE_SIZE;
  const span = await HistorySpan.findById(siteId.toHexString()).lean<HistorySpanDoc>();
  const from = input.from ? Date.parse(input.from) : null;
  const to = input.to ? Date.parse(input.to) : null;
  const cursor = input.after ? { at: Date.parse(input.after.closedAt), id: input.after.id } : null;
  const top = Math.min(cursor?.at ?? Number.POSITIVE_INFINITY, to ?? now.getTime() + HOUR_MS);
  if (!span) return { rows: [], next: null, searchedTo: null };
  const lowest = Math.max(span.firstHour, from === null ? span.firstHour : hourOf(new Date(from)));
  const matches = matcher(input);
  const started = performance.now();
  const found: ParsedRow[] = [];
  let hour = hourOf(new Date(top));
  let hoursRead = 0;
  let chatsRead = 0;
  while (hour >= lowest && found.length <= limit) {
    const hours = Array.from({ length: Math.min(HOURS_AT_ONCE, hour - lowest + 1) }, (_, i) => hour - i);
    const docs = await Promise.all(
      hours.map((h) => HistoryHour.findById(historyHourKey(siteId, h)).lean<HistoryHourDoc>().exec()),
    );
    for (const doc of docs) {
      hour--;
      hoursRead++;
      if (!doc) continue;
      const inHour: ParsedRow[] = [];
      for (const [id, json] of Object.entries(doc.chats ?? {})) {
        chatsRead++;
        const c = parseStoredRow(id, json, doc.ticketed?.[id] === true, doc.rated?.[id] ?? null);
        if (from !== null && c.closedAt < from) continue;
        if (to !== null && c.closedAt >= to) continue;
        if (before(c, cursor) && matches(c)) inHour.push(c);
      }
      found.push(...inHour.sort(newestFirst));
      // A whole hour at a time: the next one holds only older chats, so the order stays exact.
      if (found.length > limit) break;
    }
    const spent = hoursRead >= PAGE_SCAN_LIMITS.hours || chatsRead >= PAGE_SCAN_LIMITS.chats;
    if (spent || performance.now() - started >= opts.pageMs) break;
  }
  const words = searchWords(input.words);
  const rows = found
    .slice(0, limit)
    .map((c): HistoryRowDto => ({ ...c.row, snippet: snippetOf(c.text || (c.preview ?? ""), words) }));
  const last = found[limit - 1];
  let next: HistoryCursor | null = null;
  if (found.length > limit && last) next = { closedAt: last.row.closedAt, id: last.row.id };
  // Stopped by a limit with hours left: the next page goes on from the last hour read.
  else if (hour >= lowest) next = { closedAt: new Date((hour + 1) * HOUR_MS).toISOString(), id: BEFORE_ALL };
  return { rows, next, searchedTo: next?.id === BEFORE_ALL ? next.closedAt : null };
}

/** Every filter of the input, as one test on a stored row; text is compared lowercased, as plain text. */
function matcher(input: HistorySearchInput) {
  const words = searchWords(input.words);
  const visitor = input.visitor?.toLowerCase();
  return ({ row, text, handledBy }: ParsedRow): boolean =>
    (!visitor ||
      row.visitorName.toLowerCase().includes(visitor) ||
      (row.visitorEmail ?? "").toLowerCase().includes(visitor)) &&
    words.every((w) => text.includes(w)) &&
    (!input.agentId || handledBy.includes(input.agentId)) &&
    (!input.product || row.product === input.product) &&
    (input.hasTicket === undefined || row.hasTicket === input.hasTicket);
}
