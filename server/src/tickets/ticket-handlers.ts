import type { AgentClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffContext } from "../realtime/namespaces.ts";
import type { TicketDesk } from "./ticket-desk.ts";
import { toTicketDto, toTicketEventDto, toTicketMessageDto } from "./ticket-dto.ts";
import { escalateByStaff } from "./ticket-escalation.ts";
import { TicketEvent, type TicketEventDoc } from "./ticket-event.model.ts";
import { listTickets } from "./ticket-list.ts";
import { TicketMessage, type TicketMessageDoc } from "./ticket-message.model.ts";
import { staffReply } from "./ticket-replies.ts";

type TicketEvents = "ticket:create" | "ticket:list" | "ticket:get" | "ticket:act" | "ticket:reply" | "ticket:escalate";

/** Every staff member of a site reads and writes on its tickets; status changes are the liaison's or a lead's. */
export function ticketHandlers(desk: TicketDesk): HandlerGroup<AgentClientToServerEvents, StaffContext, TicketEvents> {
  return {
    "ticket:create": async (input, { agent }) => ({ ticket: await desk.create(agent, input) }),

    "ticket:list": async (input, { agent }) => ({ tickets: await listTickets(agent, input, desk.clock()) }),

    "ticket:get": async (input, { agent }) => {
      const { ticket, site } = await desk.ticketFor(agent, input.ticketId);
      const [timeline, messages] = await Promise.all([
        TicketEvent.find({ ticket: ticket._id }).sort({ at: 1, _id: 1 }).lean<TicketEventDoc[]>(),
        TicketMessage.find({ ticket: ticket._id }).sort({ createdAt: 1, _id: 1 }).lean<TicketMessageDoc[]>(),
      ]);
      return {
        ticket: toTicketDto(ticket, site.supportHours, desk.clock()),
        timeline: timeline.map(toTicketEventDto),
        messages: messages.map(toTicketMessageDto),
      };
    },

    "ticket:act": async (input, { agent }) => ({ ticket: await desk.act(agent, input) }),

    "ticket:reply": async (input, { agent }) => ({ message: await staffReply(desk, agent, input) }),

    "ticket:escalate": async (input, { agent }) => ({ ticket: await escalateByStaff(desk, agent, input) }),
  };
}
