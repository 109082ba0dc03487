import type { WallTicketDto } from "@parley/shared";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";

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
