import type { Types } from "mongoose";
import { ClosedConversation } from "../conversations/conversation.model.ts";
import { chatSourceKey, TicketSource } from "../tickets/ticket-source.model.ts";

/**
 * `hasTicket` on a closed chat, set by primary key from both sides: by the ticket desk right after it keys a new
 * ticket's source (a no-op while the chat is still open), and by the archive right after it writes the closed chat
 * (which finds a ticket made while the chat was open). Whichever comes second sees the other's write, so a ticket
 * made while the chat is being archived is not missed.
 */
export async function markTicketed(conversationId: Types.ObjectId): Promise<void> {
  await ClosedConversation.updateOne({ _id: conversationId }, { $set: { hasTicket: true } });
}

export async function markTicketIfMade(conversationId: Types.ObjectId): Promise<void> {
  const source = await TicketSource.findById(chatSourceKey(conversationId)).select({ _id: 1 }).lean();
  if (source) await markTicketed(conversationId);
}
