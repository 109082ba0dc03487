import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";

/**
 * One of the calling visitor's own tickets on their site, for visitor events about a ticket (meetings, manuals);
 * someone else's is "not found", so ids cannot be probed.
 */
export async function ownTicket(ctx: VisitorContext, ticketId: string): Promise<TicketDoc> {
  const ticket = await Ticket.findOne({
    _id: toObjectId(ticketId),
    site: ctx.site._id,
    visitor: ctx.visitor._id,
  }).lean<TicketDoc>();
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  return ticket;
}
