import type { WallChatDto, WallTicketDto } from "@parley/shared";
import type { ConversationDoc } from "../conversations/conversation.model.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

export function toWallChatDto(c: ConversationDoc): WallChatDto {
  return {
    id: c._id.toHexString(),
    status: c.status,
    visitorName: c.visitorName,
    product: c.product ?? null,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    participants: (c.participants ?? []).map((p) => ({ id: p.agent.toHexString(), name: p.name })),
    offeredTo: c.offeredTo ? { id: c.offeredTo.toHexString(), name: c.offeredToName ?? "" } : null,
    createdAt: c.createdAt.toISOString(),
    assignedAt: iso(c.assignedAt),
    firstAgentReplyAt: iso(c.firstAgentReplyAt),
    lastVisitorMessageAt: iso(c.lastVisitorMessageAt),
    lastAgentMessageAt: iso(c.lastAgentMessageAt),
    closedAt: iso(c.closedAt),
    visitorLeftAt: iso(c.visitorLeftAt),
  };
}

/** The SLA states as last stored on the ticket (the watch keeps them current). */
export function toWallTicketDto(t: TicketDoc): WallTicketDto | null {
  if (!t.conversation) return null;
  return {
    id: t._id.toHexString(),
    number: formatTicketNumber(t.number),
    conversationId: t.conversation.toHexString(),
    priority: t.fields.priority,
    status: t.status,
    response: (t.slaState?.response ?? "running") as WallTicketDto["response"],
    workaround: (t.slaState?.workaround ?? null) as WallTicketDto["workaround"],
  };
}
