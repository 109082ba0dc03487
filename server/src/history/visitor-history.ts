import type { VisitorHistoryDto } from "@parley/shared";
import { ClosedConversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { type ClosedChatDoc, toHistoryRow } from "./history-row.ts";

/** How many earlier chats, and tickets, the visitor panel lists. */
export const VISITOR_HISTORY_LIMIT = 20;

/**
 * The visitor's earlier closed chats and their tickets on the chat's site, newest first. Matched by visitor
 * identity only: a verified email would also find what they wrote from another browser, but the widget does not
 * verify emails yet (issue 14), and an unverified one would show anyone's history to whoever types that address.
 */
export async function visitorHistory(c: ConversationDoc): Promise<VisitorHistoryDto> {
  const [chats, tickets] = await Promise.all([
    ClosedConversation.find({ site: c.site, visitor: c.visitor, _id: { $ne: c._id } })
      .sort({ createdAt: -1 })
      .limit(VISITOR_HISTORY_LIMIT)
      .lean<ClosedChatDoc[]>(),
    Ticket.find({ site: c.site, visitor: c.visitor })
      .sort({ createdAt: -1 })
      .limit(VISITOR_HISTORY_LIMIT)
      .select({ number: 1, fields: 1, status: 1, createdAt: 1 })
      .lean<Pick<TicketDoc, "_id" | "number" | "fields" | "status" | "createdAt">[]>(),
  ]);
  return {
    chats: chats.map((chat) => toHistoryRow(chat, [])),
    tickets: tickets.map((t) => ({
      id: t._id.toHexString(),
      number: formatTicketNumber(t.number),
      subject: t.fields.subject,
      status: t.status,
      priority: t.fields.priority,
      createdAt: t.createdAt.toISOString(),
    })),
  };
}
