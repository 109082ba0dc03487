import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { TicketDesk } from "./ticket-desk.ts";
import { ticketDetail } from "./ticket-detail.ts";
import { escalateByStaff } from "./ticket-escalation.ts";
import { listTickets } from "./ticket-list.ts";
import { staffReply } from "./ticket-replies.ts";

type TicketEvents = "ticket:create" | "ticket:list" | "ticket:get" | "ticket:act" | "ticket:reply" | "ticket:escalate";

/** Every staff member of a site reads and writes on its tickets; status changes are the liaison's or a lead's. */
export function ticketHandlers(desk: TicketDesk): HandlerGroup<AgentClientToServerEvents, StaffContext, TicketEvents> {
  return {
    "ticket:create": async (input, { agent }) => ({ ticket: await desk.create(agent, input) }),

    "ticket:list": async (input, { agent }) => ({ tickets: await listTickets(agent, input, desk.clock()) }),

    "ticket:get": (input, { agent }) => ticketDetail(desk, agent, input.ticketId),

    "ticket:act": async (input, { agent }) => ({ ticket: await desk.act(agent, input) }),

    "ticket:reply": async (input, { agent }) => ({ message: await staffReply(desk, agent, input) }),

    "ticket:escalate": async (input, { agent }) => ({ ticket: await escalateByStaff(desk, agent, input) }),
  };
}
