import type { VisitorHistoryDto } from "@parley/shared";
import { Types } from "mongoose";
import { ClosedConversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { VisitorPast, type VisitorPastDoc } from "../conversations/visitor-past.model.ts";
import { readInBatches } from "../db/read-in-batches.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { type ClosedChatDoc, toHistoryRow } from "./history-row.ts";

/** How many earlier chats, and tickets, the visitor panel lists. */
export const VISITOR_HISTORY_LIMIT = 20;

/** The newest ids of an id → ISO time map, leaving one out. */
const newest = (entries: Record<string, string> | undefined, except: string): Types.ObjectId[] =>
  Object.entries(entries ?? {})
    .filter(([id]) => id !== except)
    .sort((a, b) => (a[1] < b[1] ? 1 : -1))
    .slice(0, VISITOR_HISTORY_LIMIT)
    .map(([id]) => new Types.ObjectId(id));

/**
 * The visitor's earlier closed chats and their tickets on the chat's site, newest first, all read by primary key.
 * Matched by visitor identity only: a verified email would also find what they wrote from another browser, but the
 * widget does not verify emails yet, and an unverified one would show anyone's history to whoever types
 * that address.
 */
export async function visitorHistory(c: ConversationDoc): Promise<VisitorHistoryDto> {
  const past = await VisitorPast.findById(c.visitor.toHexString()).lean<VisitorPastDoc>();
  const [chats, tickets] = await Promise.all([
    readInBatches(newest(past?.chats, c._id.toHexString()), 5, (id) =>
      ClosedConversation.findById(id).lean<ClosedChatDoc>().exec(),
    ),
    readInBatches(newest(past?.tickets, ""), 5, (id) =>
      Ticket.findById(id)
        .select({ site: 1, number: 1, fields: 1, status: 1, createdAt: 1 })
        .lean<Pick<TicketDoc, "_id" | "site" | "number" | "fields" | "status" | "createdAt">>()
        .exec(),
    ),
  ]);
  // The visitor belongs to one site; checked anyway, as a leak would be worse than a wasted read.
  const ofSite = <T extends { site: Types.ObjectId }>(d: T | null): d is T => d?.site.equals(c.site) === true;
  return {
    chats: chats.filter(ofSite).map(toHistoryRow),
    tickets: tickets.filter(ofSite).map((t) => ({
      id: t._id.toHexString(),
      number: formatTicketNumber(t.number),
      subject: t.fields.subject,
      status: t.status,
      priority: t.fields.priority,
      createdAt: t.createdAt.toISOString(),
    })),
  };
}
