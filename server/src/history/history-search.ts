import type { HistoryPageDto, HistorySearchInput } from "@parley/shared";
import { HISTORY_PAGE_SIZE } from "@parley/shared";
import type { Types } from "mongoose";
import { ClosedConversation } from "../conversations/conversation.model.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { type ClosedChatDoc, toHistoryRow } from "./history-row.ts";

/**
 * How long one page of search may take in the database. Past it the query is stopped (maxTimeMS) and the caller is
 * asked to narrow the search, rather than a long scan holding the database the live chats write to.
 */
export const SEARCH_TIME_LIMIT_MS = 5_000;

/** Text as a regex that matches it literally: whatever the user typed, `.*` or `(` included, is plain text. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

export const searchWords = (words: string | undefined): string[] => [
  ...new Set((words ?? "").toLowerCase().split(/\s+/).filter(Boolean)),
];

/** The query for one page: every value here came through the shared schema, so each is a plain string or boolean. */
function historyFilter(siteId: Types.ObjectId, input: HistorySearchInput): Record<string, unknown> {
  const all: object[] = [{ site: siteId }];
  if (input.visitor) {
    const re = { $regex: literal(input.visitor), $options: "i" };
    all.push({ $or: [{ visitorName: re }, { visitorEmail: re }] });
  }
  for (const word of searchWords(input.words)) all.push({ searchText: { $regex: literal(word) } });
  if (input.from) all.push({ closedAt: { $gte: new Date(input.from) } });
  if (input.to) all.push({ closedAt: { $lt: new Date(input.to) } });
  if (input.agentId) all.push({ handledBy: toObjectId(input.agentId) });
  if (input.product) all.push({ product: input.product });
  if (input.hasTicket !== undefined) all.push({ hasTicket: input.hasTicket ? true : { $ne: true } });
  if (input.after) {
    const closedAt = new Date(input.after.closedAt);
    const id = toObjectId(input.after.id);
    all.push({ $or: [{ closedAt: { $lt: closedAt } }, { closedAt, _id: { $lt: id } }] });
  }
  return { $and: all };
}

/**
 * One page of the site's closed chats, newest closed first, ordered by (closedAt, _id) so a page boundary falls
 * between two rows exactly: no row is shown twice or skipped however many chats close meanwhile.
 */
export async function searchHistory(siteId: Types.ObjectId, input: HistorySearchInput): Promise<HistoryPageDto> {
  const limit = input.limit ?? HISTORY_PAGE_SIZE;
  let docs: ClosedChatDoc[];
  try {
    docs = await ClosedConversation.find(historyFilter(siteId, input))
      .sort({ closedAt: -1, _id: -1 })
      .limit(limit + 1)
      .maxTimeMS(SEARCH_TIME_LIMIT_MS)
      .lean<ClosedChatDoc[]>();
  } catch (err) {
    if (isTimeLimit(err)) {
      throw new AppError("UNAVAILABLE", "The search took too long; narrow it with dates, an agent or a product", {
        cause: err,
      });
    }
    throw err;
  }
  const words = searchWords(input.words);
  const page = docs.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((c) => toHistoryRow(c, words)),
    next:
      docs.length > limit && last
        ? { closedAt: (last.closedAt ?? last.updatedAt).toISOString(), id: last._id.toHexString() }
        : null,
  };
}

/** MongoDB's MaxTimeMSExpired (code 50), which FerretDB answers with too. */
const isTimeLimit = (err: unknown): boolean =>
  typeof err === "object" && err !== null && (err as { code?: unknown }).code === 50;
