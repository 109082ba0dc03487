import type { VisitorClientToServerEvents } from "@parley/shared";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import type { TicketDesk } from "./ticket-desk.ts";
import { toTicketMessageDto, toVisitorTicketDto } from "./ticket-dto.ts";
import { TicketMessage, type TicketMessageDoc } from "./ticket-message.model.ts";
import { customerReply, storeMessage } from "./ticket-replies.ts";
import { changeStatus } from "./ticket-status.ts";
import type { TicketActor } from "./ticket-timeline.ts";

type VisitorTicketEvents = "ticket:list" | "ticket:get" | "ticket:reply" | "ticket:respond";

/** Tickets as their requester sees them in the widget: only their own, never staff notes. */
export function visitorTicketHandlers(
  desk: TicketDesk,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, VisitorTicketEvents> {
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
    "ticket:list": async (_input, ctx) => {
      const tickets = await Ticket.find({ site: ctx.site._id, visitor: ctx.visitor._id })
        .sort({ createdAt: -1 })
        .limit(100)
        .lean<TicketDoc[]>();
      const now = desk.clock();
      return { tickets: tickets.map((t) => toVisitorTicketDto(t, ctx.site.supportHours, now)) };
    },

    "ticket:get": async (input, ctx) => {
      const ticket = await own(ctx, input.ticketId);
      const messages = await TicketMessage.find({ ticket: ticket._id, internal: false })
        .sort({ createdAt: 1, _id: 1 })
        .lean<TicketMessageDoc[]>();
      return {
        ticket: toVisitorTicketDto(ticket, ctx.site.supportHours, desk.clock()),
        messages: messages.map(toTicketMessageDto),
      };
    },

    "ticket:reply": async (input, ctx) => ({
      message: await customerReply(desk, await own(ctx, input.ticketId), ctx.site, input),
    }),

    /** Confirming closes the ticket; rejecting reopens it, with their reason kept as a reply. */
    "ticket:respond": async (input, ctx) => {
      const ticket = await own(ctx, input.ticketId);
      const actor: TicketActor = { kind: "customer", id: ctx.visitor._id, name: ticket.requesterName };
      const now = desk.clock();
      const comment = input.comment ? `: ${input.comment}` : "";
      const updated = await changeStatus(
        ticket,
        input.action,
        actor,
        { site: ctx.site, now, notifier: desk.notifier },
        {
          text:
            input.action === "confirm"
              ? "confirmed the resolution; the ticket is closed"
              : `said the problem still affects them${comment}; the ticket is open again`,
        },
      );
      if (input.action === "reject" && input.comment) {
        // Their reason joins the thread (and so the staff's view and their own), once per resolution.
        await storeMessage(desk, updated, ctx.site, actor, {
          clientMsgId: `reject-${ticket._id.toHexString()}-${ticket.updatedAt.getTime()}`,
          body: input.comment,
          internal: false,
        });
      }
      return { ticket: toVisitorTicketDto(updated, ctx.site.supportHours, now) };
    },
  };
}
