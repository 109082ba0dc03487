import type { VisitorClientToServerEvents } from "@parley/shared";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { VisitorContext } from "../realtime/namespaces.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import type { MeetingDesk } from "./meeting-desk.ts";

/** The requester's side: only the proposals on their own tickets, as visitor-ticket-handlers.ts reads tickets. */
export function visitorMeetingHandlers(
  meetings: MeetingDesk,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "meeting:list" | "meeting:accept"> {
  /** Someone else's ticket is "not found", so ids cannot be probed. */
  const own = async (ctx: VisitorContext, ticketId: string): Promise<TicketDoc> => {
    const ticket = await Ticket.findOne({
      _id: toObjectId(ticketId),
      site: ctx.site._id,
      visitor: ctx.visitor._id,
    }).lean<TicketDoc>();
    if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
    return ticket;
  };
  return {
    "meeting:list": async (input, ctx) => ({ meetings: await meetings.meetingsOf(await own(ctx, input.ticketId)) }),
    "meeting:accept": async (input, ctx) => {
      const ticket = await own(ctx, input.ticketId);
      return { meeting: await meetings.accept(ticket, ctx.site, input) };
    },
  };
}
