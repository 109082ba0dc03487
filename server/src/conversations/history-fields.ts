import { MAX_PREVIEW_LENGTH } from "@parley/shared/constants";
import type { Types } from "mongoose";
import type { ConversationDoc } from "./conversation.model.ts";
import { messagesAfter } from "./message-store.ts";

/**
 * The most text of a chat the History search keeps (16 KB): chats are short, and a search reads the text of every
 * chat in the hours it goes through, so a long chat is searchable by its first 16 KB only.
 */
export const SEARCH_TEXT_LIMIT = 16_384;

export interface HistoryFields {
  searchText: string;
  handledBy: Types.ObjectId[];
  /** The visitor's first message, cut to MAX_PREVIEW_LENGTH: the chat's preview where it has none stored. */
  opening: string | null;
}

/**
 * What the History search matches a closed chat by, computed once when it is archived: its visible messages
 * (visitor's and agents', not staff notes nor Parley's own lines) and who handled it. Reads the messages by
 * primary key, stopping once the text is full, so closing a long chat costs a bounded number of reads.
 */
export async function historyFieldsOf(c: ConversationDoc): Promise<HistoryFields> {
  const handledBy = new Map<string, Types.ObjectId>();
  if (c.assignee) handledBy.set(c.assignee.toHexString(), c.assignee);
  let searchText = "";
  let opening: string | null = null;
  let afterSeq = 0;
  // Inside the close, every message of the chat is already stored: nothing to wait for.
  const settled = () => Promise.resolve();
  for (;;) {
    const page = await messagesAfter(c, afterSeq, "visitor", settled);
    for (const m of page.messages) {
      afterSeq = Math.max(afterSeq, m.seq);
      if (m.authorKind === "system") continue;
      if (opening === null && m.authorKind === "visitor") opening = m.body.slice(0, MAX_PREVIEW_LENGTH);
      if (m.authorKind === "agent" && m.authorId) handledBy.set(m.authorId.toHexString(), m.authorId);
      if (searchText.length < SEARCH_TEXT_LIMIT) searchText += `${searchText ? "\n" : ""}${m.body.toLowerCase()}`;
    }
    if (!page.hasMore || page.messages.length === 0 || searchText.length >= SEARCH_TEXT_LIMIT) break;
  }
  return { searchText: searchText.slice(0, SEARCH_TEXT_LIMIT), handledBy: [...handledBy.values()], opening };
}
