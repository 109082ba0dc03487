import type { AgentClientToServerEvents, VisitorClientToServerEvents } from "@parley/shared";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffContext, StaffNamespace, VisitorContext } from "../realtime/namespaces.ts";
import type { Limit } from "../security/rate-limits.ts";
import { OfflineRequest, type OfflineRequestDoc } from "./offline-request.model.ts";
import { submitOfflineRequest, toOfflineRequestDto } from "./offline-requests.ts";

const LIST_LIMIT = 200;

export function offlineStaffHandlers(): HandlerGroup<AgentClientToServerEvents, StaffContext, "offline:list"> {
  return {
    "offline:list": async (_input, { agent }) => {
      const requests = await OfflineRequest.find({ site: agent.site })
        .sort({ createdAt: -1 })
        .limit(LIST_LIMIT)
        .lean<OfflineRequestDoc[]>();
      return { requests: requests.map(toOfflineRequestDto) };
    },
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
