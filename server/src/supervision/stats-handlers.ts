import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import { loadStats } from "../figures/figures-query.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { siteOf } from "../sites/site-lookup.ts";

/** `stats:get`: a site's figures (see figures.ts for what each one counts), for supervisors and admins. */
export function statsHandlers(clock: () => Date): HandlerGroup<AgentClientToServerEvents, StaffContext, "stats:get"> {
  return {
    "stats:get": async (input, { agent }) => {
      const site = await siteOf(agent.site);
      return { stats: await loadStats(site, input.range, clock()) };
    },
  };
}
