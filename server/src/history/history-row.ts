import type { HistoryRowDto } from "@parley/shared";
import { MAX_PREVIEW_LENGTH } from "@parley/shared/constants";
import type { ConversationDoc } from "../conversations/conversation.model.ts";

/** A closed chat as the history stores it: the conversation plus its search fields (absent before issue 13). */
export type ClosedChatDoc = ConversationDoc & { searchText?: string; hasTicket?: boolean };

const BEFORE = 50;

/**
 * The text a result shows: around the first searched word that occurs, else the chat's opening. Cut from the
 * lowercased search text, so it reads in lowercase; chats archived before the search fields show their preview.
 */
export function snippetOf(c: ClosedChatDoc, words: readonly string[]): string {
  const text = c.searchText ?? c.preview ?? "";
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

export function toHistoryRow(c: ClosedChatDoc, words: readonly string[]): HistoryRowDto {
  return {
    id: c._id.toHexString(),
    visitorName: c.visitorName,
    visitorEmail: c.visitorEmail ?? null,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    product: c.product ?? null,
    closedAt: (c.closedAt ?? c.updatedAt).toISOString(),
    closeReason: c.closeReason ?? null,
    hasTicket: c.hasTicket === true,
    snippet: snippetOf(c, words),
  };
}
