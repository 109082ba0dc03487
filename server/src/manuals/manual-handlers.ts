import type { AgentClientToServerEvents, VisitorClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { siteOf } from "../sites/site-lookup.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import { matchArticles } from "./manual-match.ts";
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
 * Suggestions while a visitor writes: the site's articles matched against their text, titles and links only. An
 * article opened from a ticket's reply form goes on that ticket's timeline (tickets/visitor-manual-handlers.ts).
 */
export function manualVisitorHandlers(): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "manual:suggest"> {
  return {
    "manual:suggest": async (input, { site }) => ({
      articles: matchArticles(await articlesOf(site._id), input.text, input.product).map(({ id, title, url }) => ({
        id,
        title,
        url,
      })),
    }),
  };
}
