import type { TicketDto, TicketEventDto, TicketMessageDto } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { TicketDesk } from "./ticket-desk.ts";
import { toTicketDto, toTicketEventDto, toTicketMessageDto } from "./ticket-dto.ts";
import { TicketEvent, type TicketEventDoc } from "./ticket-event.model.ts";
import { TicketMessage, type TicketMessageDoc } from "./ticket-message.model.ts";

/** A ticket of the staff member's site as the console opens it: with its timeline, replies and notes. */
export async function ticketDetail(
  desk: TicketDesk,
  agent: AgentDoc,
  ticketId: string,
): Promise<{ ticket: TicketDto; timeline: TicketEventDto[]; messages: TicketMessageDto[] }> {
  const { ticket, site } = await desk.ticketFor(agent, ticketId);
  const [timeline, messages] = await Promise.all([
    TicketEvent.find({ ticket: ticket._id }).sort({ at: 1, _id: 1 }).lean<TicketEventDoc[]>(),
    TicketMessage.find({ ticket: ticket._id }).sort({ createdAt: 1, _id: 1 }).lean<TicketMessageDoc[]>(),
  ]);
  return {
    ticket: toTicketDto(ticket, site.supportHours, desk.clock()),
    timeline: timeline.map(toTicketEventDto),
    messages: messages.map(toTicketMessageDto),
  };
}
