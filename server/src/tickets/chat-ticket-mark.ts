import type { Types } from "mongoose";
import { markTicketed } from "../conversations/history-ticket-mark.ts";
import { chatSourceKey, TicketSource } from "./ticket-source.model.ts";

/**
 * The archive's side of "has a ticket" (conversations/history-ticket-mark.ts): a chat just archived is marked when a
 * ticket was made from it while it was open. By primary key.
 */
export async function markTicketIfMade(conversationId: Types.ObjectId): Promise<void> {
  const source = await TicketSource.findById(chatSourceKey(conversationId)).select({ _id: 1 }).lean();
  if (source) await markTicketed(conversationId);
}
