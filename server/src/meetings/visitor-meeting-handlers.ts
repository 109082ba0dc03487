import type { VisitorClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { ownTicket } from "../tickets/own-ticket.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import type { MeetingDesk } from "./meeting-desk.ts";

/** The requester's side: only the proposals on their own tickets, as visitor-ticket-handlers.ts reads tickets. */
export function visitorMeetingHandlers(
  meetings: MeetingDesk,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "meeting:list" | "meeting:accept"> {
  const own = ownTicket;
  return {
    "meeting:list": async (input, ctx) => ({ meetings: await meetings.meetingsOf(await own(ctx, input.ticketId)) }),
    "meeting:accept": async (input, ctx) => {
      const ticket = await own(ctx, input.ticketId);
      return { meeting: await meetings.accept(ticket, ctx.site, input) };
    },
  };
}
