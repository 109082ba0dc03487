import { z } from "zod";
import type { ChatRating, CloseReason, Priority } from "../constants.ts";
import { ObjectIdString } from "./primitives.ts";
import { ProductId } from "./products.ts";
import type { TicketStatus } from "./tickets.ts";

/** Rows per page of `history:search`, and the most a caller may ask for. */
export const HISTORY_PAGE_SIZE = 25;
/** Words a search may require; each must appear in the chat's visible messages. */
export const MAX_HISTORY_WORDS = 8;

const Instant = z.iso.datetime({ offset: true, message: "must be an ISO date-time" });

/** Where a page of results ends: the next page starts after this (closedAt, id), newest first. */
export const HistoryCursor = z.strictObject({ closedAt: Instant, id: ObjectIdString });
export type HistoryCursor = z.infer<typeof HistoryCursor>;

/**
 * `history:search`: closed chats of the caller's site, newest closed first. Text filters are plain text, matched
 * literally (regex characters included) and case-insensitively; every filter narrows the result.
 */
export const HistorySearchInput = z
  .strictObject({
    /** Part of the visitor's name or email. */
    visitor: z.string().trim().max(120, "at most 120 characters").optional(),
    /** Words that must all appear in the chat's visible messages (notes are not searched). */
    words: z
      .string()
      .trim()
      .max(200, "at most 200 characters")
      .refine((s) => s.split(/\s+/).filter(Boolean).length <= MAX_HISTORY_WORDS, `at most ${MAX_HISTORY_WORDS} words`)
      .optional(),
    /** Closed at or after. */
    from: Instant.optional(),
    /** Closed before. */
    to: Instant.optional(),
    /** An agent who handled the chat (assigned to it, or wrote in it). */
    agentId: ObjectIdString.optional(),
    product: ProductId.optional(),
    hasTicket: z.boolean().optional(),
    after: HistoryCursor.optional(),
    limit: z.number().int().min(1).max(HISTORY_PAGE_SIZE).optional(),
  })
  .refine((s) => !s.from || !s.to || Date.parse(s.from) < Date.parse(s.to), {
    path: ["to"],
    message: "must be after the start date",
  });
export type HistorySearchInput = z.infer<typeof HistorySearchInput>;

export interface HistoryRowDto {
  id: string;
  visitorName: string;
  visitorEmail: string | null;
  /** Who had the chat when it closed. */
  assignee: { id: string; name: string } | null;
  product: string | null;
  closedAt: string;
  closeReason: CloseReason | null;
  hasTicket: boolean;
  /** The visitor's rating; null if they gave none. */
  rating: ChatRating | null;
  /** Text around the first searched word (lowercase, as searched), or the start of the chat. */
  snippet: string;
}

export interface HistoryPageDto {
  rows: HistoryRowDto[];
  /** Pass as `after` for the next page; null on the last one. */
  next: HistoryCursor | null;
  /**
   * Set when the page stopped at its reading limit before filling up: it looked at chats closed from here on, and
   * the next page goes on further back. Null when the page is full or the history is done.
   */
  searchedTo: string | null;
}

export interface VisitorHistoryTicketDto {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  createdAt: string;
}

/** `visitor:history`: the visitor's earlier closed chats and their tickets, newest first, bounded. */
export interface VisitorHistoryDto {
  chats: HistoryRowDto[];
  tickets: VisitorHistoryTicketDto[];
}
