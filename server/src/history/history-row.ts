import type { CloseReason, HistoryRowDto } from "@parley/shared";
import { type ChatRating, MAX_PREVIEW_LENGTH } from "@parley/shared/constants";
import type { ConversationDoc } from "../conversations/conversation.model.ts";
import type { StoredHistoryRow } from "../conversations/history-hour.model.ts";

/** A closed chat as the history stores it: the conversation, with `hasTicket` on chats closed since History existed. */
export type ClosedChatDoc = ConversationDoc & { hasTicket?: boolean };

/** A row of an hour, read back: what the page shows but its snippet, and what the filters test. */
export interface ParsedRow {
  row: Omit<HistoryRowDto, "snippet">;
  closedAt: number;
  text: string;
  preview: string | null;
  handledBy: readonly string[];
}

const BEFORE = 50;

/**
 * The text a result shows: around the first searched word that occurs, else the chat's opening. Cut from the
 * lowercased search text, so it reads in lowercase.
 */
export function snippetOf(text: string, words: readonly string[]): string {
  const at = words.map((w) => text.indexOf(w)).find((i) => i >= 0) ?? -1;
  if (at < 0) return cut(text, 0);
  let start = Math.max(0, at - BEFORE);
  // Start on a word.
  const space = text.slice(start, at).search(/\s/);
  if (start > 0 && space >= 0) start += space + 1;
  return `${start > 0 ? "…" : ""}${cut(text, start)}`;
}

function cut(text: string, start: number): string {
  const flat = text.slice(start, start + MAX_PREVIEW_LENGTH + 1).replace(/\s+/g, " ");
  return flat.length > MAX_PREVIEW_LENGTH ? `${flat.slice(0, MAX_PREVIEW_LENGTH).trimEnd()}…` : flat.trim();
}

export function parseStoredRow(id: string, json: string, hasTicket: boolean, rating: string | null = null): ParsedRow {
  const s = JSON.parse(json) as StoredHistoryRow;
  return {
    row: {
      id,
      visitorName: s.visitorName,
      visitorEmail: s.visitorEmail,
      assignee: s.assignee,
      product: s.product,
      closedAt: s.closedAt,
      closeReason: s.closeReason as CloseReason | null,
      hasTicket,
      rating: rating as ChatRating | null,
    },
    closedAt: Date.parse(s.closedAt),
    text: s.text,
    preview: s.preview,
    handledBy: s.handledBy,
  };
}

/** The visitor panel's rows, from the closed chats themselves. */
export function toHistoryRow(c: ClosedChatDoc): HistoryRowDto {
  return {
    id: c._id.toHexString(),
    visitorName: c.visitorName,
    visitorEmail: c.visitorEmail ?? null,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    product: c.product ?? null,
    closedAt: (c.closedAt ?? c.updatedAt).toISOString(),
    closeReason: c.closeReason ?? null,
    hasTicket: c.hasTicket === true,
    rating: c.rating?.value ?? null,
    snippet: snippetOf(c.preview ?? "", []),
  };
}
