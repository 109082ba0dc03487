import type { AgentClientToServerEvents, VisitorClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import type { Limit } from "../security/rate-limits.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import { recentOfflineRequests, submitOfflineRequest } from "./offline-requests.ts";

export function offlineStaffHandlers(): HandlerGroup<AgentClientToServerEvents, StaffContext, "offline:list"> {
  return {
    "offline:list": async (_input, { agent }) => ({ requests: await recentOfflineRequests(agent.site) }),
  };
}

export function offlineVisitorHandlers(
  staff: StaffNamespace,
  newRequests: Limit,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "offline:submit"> {
  return {
    "offline:submit": async (input, { site, visitor }) => {
      const request = await submitOfflineRequest(staff, site, visitor, input, newRequests);
      return { reference: request.reference };
    },
  };
}
