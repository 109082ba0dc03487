import type { VisitorClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import { ownTicket } from "./own-ticket.ts";
import { recordManualOpened } from "./ticket-manual-opened.ts";

/** A manual article the visitor opened from their own ticket's reply form, for that ticket's timeline. */
export function visitorManualOpenedHandlers(
  clock: () => Date,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "manual:opened"> {
  return {
    "manual:opened": async (input, ctx) => {
      await recordManualOpened(await ownTicket(ctx, input.ticketId), ctx.site._id, input.articleId, clock());
      return {};
    },
  };
}
