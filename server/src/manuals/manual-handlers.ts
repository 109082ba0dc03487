import type { AgentClientToServerEvents, VisitorClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffContext, VisitorContext } from "../realtime/namespaces.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { ownTicket } from "../tickets/own-ticket.ts";
import { matchArticles } from "./manual-match.ts";
import { recordManualOpened } from "./manual-opened.ts";
import { articlesOf, saveArticles } from "./manual-shelf.ts";

/** Every staff member reads the list; saving is for admins (staff-command-roles.ts). */
export function manualStaffHandlers(): HandlerGroup<
  AgentClientToServerEvents,
  StaffContext,
  "manuals:list" | "manuals:save"
> {
  return {
    "manuals:list": async (_input, { agent }) => ({ articles: await articlesOf(agent.site) }),
    "manuals:save": async (input, { agent }) => ({ articles: await saveArticles(await siteOf(agent.site), input) }),
  };
}

/**
 * Suggestions while a visitor writes: the site's articles matched against their text, titles and links only; and
 * an article opened from a ticket's reply form, for that ticket's timeline (their own tickets only).
 */
export function manualVisitorHandlers(
  clock: () => Date,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "manual:suggest" | "manual:opened"> {
  return {
    "manual:opened": async (input, ctx) => {
      await recordManualOpened(await ownTicket(ctx, input.ticketId), ctx.site._id, input.articleId, clock());
      return {};
    },
    "manual:suggest": async (input, { site }) => ({
      articles: matchArticles(await articlesOf(site._id), input.text, input.product).map(({ id, title, url }) => ({
        id,
        title,
        url,
      })),
    }),
  };
}
