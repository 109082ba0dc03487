import type { Types } from "mongoose";
import type { ConversationDoc } from "../conversations/conversation.model.ts";
import { messagesAfter } from "../conversations/message-store.ts";

/**
 * The most text of a chat the History search keeps (16 KB): chats are short, and every search reads this field of
 * every closed chat of the site on devdb, so a long chat is searchable by its first 16 KB only.
 */
export const SEARCH_TEXT_LIMIT = 16_384;

export interface HistoryFields {
  searchText: string;
  handledBy: Types.ObjectId[];
  hasTicket: boolean;
}

/**
 * What the History search matches a closed chat by, computed once when it is archived: its visible messages
 * (visitor's and agents', not staff notes nor Parley's own lines) and who handled it. Reads the messages by
 * primary key, stopping once the text is full, so closing a long chat costs a bounded number of reads.
 * `hasTicket` starts false; the archive sets it right after if a ticket was made (history-ticket-mark.ts).
 */
export async function historyFieldsOf(c: ConversationDoc): Promise<HistoryFields> {
  const handledBy = new Map<string, Types.ObjectId>();
  if (c.assignee) handledBy.set(c.assignee.toHexString(), c.assignee);
  let searchText = "";
  let afterSeq = 0;
  // Inside the close, every message of the chat is already stored: nothing to wait for.
  const settled = () => Promise.resolve();
  for (;;) {
    const page = await messagesAfter(c, afterSeq, "visitor", settled);
    for (const m of page.messages) {
      afterSeq = Math.max(afterSeq, m.seq);
      if (m.authorKind === "system") continue;
      if (m.authorKind === "agent" && m.authorId) handledBy.set(m.authorId.toHexString(), m.authorId);
      if (searchText.length < SEARCH_TEXT_LIMIT) searchText += `${searchText ? "\n" : ""}${m.body.toLowerCase()}`;
    }
    if (!page.hasMore || page.messages.length === 0 || searchText.length >= SEARCH_TEXT_LIMIT) break;
  }
  return { searchText: searchText.slice(0, SEARCH_TEXT_LIMIT), handledBy: [...handledBy.values()], hasTicket: false };
}
