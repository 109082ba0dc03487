import type { AgentClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffSocketData } from "../realtime/namespaces.ts";
import { Site, type SiteDoc } from "../sites/site.model.ts";
import type { TicketDesk } from "./ticket-desk.ts";
import { toTicketDto, toTicketEventDto } from "./ticket-dto.ts";
import { TicketEvent, type TicketEventDoc } from "./ticket-event.model.ts";

type TicketEvents = "ticket:create" | "ticket:get" | "ticket:act";

export function ticketHandlers(
  desk: TicketDesk,
): HandlerGroup<AgentClientToServerEvents, StaffSocketData, TicketEvents> {
  return {
    "ticket:create": async (input, { agent }) => ({ ticket: await desk.create(agent, input) }),

    "ticket:get": async (input, { agent }) => {
      const ticket = await desk.ticketOf(agent, input.ticketId);
      const [site, timeline] = await Promise.all([
        Site.findById(agent.site).lean<SiteDoc>(),
        TicketEvent.find({ ticket: ticket._id }).sort({ at: 1, _id: 1 }).lean<TicketEventDoc[]>(),
      ]);
      const calendar = site?.supportHours;
      if (!calendar) throw new Error("site vanished");
      return { ticket: toTicketDto(ticket, calendar, new Date()), timeline: timeline.map(toTicketEventDto) };
    },

    "ticket:act": async (input, { agent }) => ({ ticket: await desk.act(agent, input) }),
  };
}
