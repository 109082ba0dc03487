import type { AgentClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffContext } from "../realtime/namespaces.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { loadStats } from "./figures-query.ts";

/** `stats:get`: a site's figures (see figures.ts for what each one counts), for supervisors and admins. */
export function statsHandlers(clock: () => Date): HandlerGroup<AgentClientToServerEvents, StaffContext, "stats:get"> {
  return {
    "stats:get": async (input, { agent }) => {
      const site = await siteOf(agent.site);
      return { stats: await loadStats(site, input.range, clock()) };
    },
  };
}
