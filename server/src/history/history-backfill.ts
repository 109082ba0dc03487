import { ClosedConversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { historyFieldsOf } from "./history-fields.ts";
import { markTicketIfMade } from "./history-ticket-mark.ts";

/**
 * The search fields of chats archived before issue 13, written once (db/migrations.ts): without them a chat would
 * never match a word search. One scan of the history, then each chat's messages by primary key.
 */
export async function backfillHistoryFields(): Promise<number> {
  let n = 0;
  const older = ClosedConversation.find({ searchText: { $exists: false } })
    .lean<ConversationDoc[]>()
    .cursor();
  for await (const c of older) {
    const fields = await historyFieldsOf(c as ConversationDoc);
    await ClosedConversation.collection.updateOne({ _id: c._id }, { $set: fields });
    await markTicketIfMade(c._id);
    n++;
  }
  return n;
}
