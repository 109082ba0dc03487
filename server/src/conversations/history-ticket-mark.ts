import type { Types } from "mongoose";
import { ClosedConversation, type ConversationDoc } from "./conversation.model.ts";
import { HistoryHour, historyHourKey, hourOf } from "./history-hour.model.ts";
import { VisitorPast } from "./visitor-past.model.ts";

/**
 * "Has a ticket" on a closed chat, set by primary key from both sides: by the ticket desk right after it keys a new
 * ticket's source (nothing to do while the chat is still open), and by the archive right after it writes the closed
 * chat (which finds a ticket made while the chat was open). Whichever comes second sees the other's write, so a
 * ticket made while the chat is being archived is not missed.
 */
export async function markTicketed(conversationId: Types.ObjectId): Promise<void> {
  const closed = await ClosedConversation.findById(conversationId)
    .select({ site: 1, closedAt: 1, updatedAt: 1 })
    .lean<Pick<ConversationDoc, "site" | "closedAt" | "updatedAt">>();
  if (!closed) return;
  const hour = hourOf(closed.closedAt ?? closed.updatedAt);
  await Promise.all([
    ClosedConversation.updateOne({ _id: conversationId }, { $set: { hasTicket: true } }),
    HistoryHour.updateOne(
      { _id: historyHourKey(closed.site, hour) },
      { $set: { [`ticketed.${conversationId.toHexString()}`]: true }, $setOnInsert: { site: closed.site, chats: {} } },
      { upsert: true },
    ),
  ]);
}

/** A ticket joins its visitor's list (the visitor panel), by primary key. */
export async function recordVisitorTicket(ticket: {
  _id: Types.ObjectId;
  visitor?: Types.ObjectId | null;
  createdAt: Date;
}): Promise<void> {
  if (!ticket.visitor) return;
  await VisitorPast.updateOne(
    { _id: ticket.visitor.toHexString() },
    { $set: { [`tickets.${ticket._id.toHexString()}`]: ticket.createdAt.toISOString() } },
    { upsert: true },
  );
}
