import { ClosedConversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { historyFieldsOf } from "../conversations/history-fields.ts";
import { recordClosedChat } from "../conversations/history-record.ts";
import { recordVisitorTicket } from "../conversations/history-ticket-mark.ts";
import { markTicketIfMade } from "../tickets/chat-ticket-mark.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";

/**
 * The History rows and visitors' lists of chats and tickets stored before History existed, written once
 * (db/migrations.ts): one scan of the closed chats and one of the tickets, then primary-key writes, all safe to run
 * again.
 */
export async function backfillHistory(): Promise<number> {
  let n = 0;
  for await (const c of ClosedConversation.find({}).lean<ConversationDoc[]>().cursor()) {
    await recordClosedChat(c as ConversationDoc, await historyFieldsOf(c as ConversationDoc));
    await markTicketIfMade(c._id);
    n++;
  }
  const tickets = Ticket.find({ visitor: { $ne: null } })
    .select({ visitor: 1, createdAt: 1 })
    .lean<TicketDoc[]>()
    .cursor();
  for await (const t of tickets) await recordVisitorTicket(t as TicketDoc);
  return n;
}
