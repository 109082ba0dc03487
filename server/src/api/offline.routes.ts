import { EmptyInput, OfflineRequestRef } from "@parley/shared";
import { offlineRequestOfSite, recentOfflineRequests } from "../offline/offline-requests.ts";
import { apiRoute } from "./api-route.ts";

export const offlineRoutes = [
  apiRoute({
    method: "get",
    path: "/offline-requests",
    operationId: "listOfflineRequests",
    summary: "What visitors left while support was closed, newest first (at most 200)",
    resource: "offline",
    access: "read",
    command: "offline:list",
    input: EmptyInput,
    returns: "{ requests: OfflineRequest[] }",
    run: async (_input, { agent }) => ({ requests: await recentOfflineRequests(agent.site) }),
  }),
  apiRoute({
    method: "get",
    path: "/offline-requests/:offlineRequestId",
    operationId: "getOfflineRequest",
    summary: "One offline request",
    resource: "offline",
    access: "read",
    command: "offline:list",
    input: OfflineRequestRef,
    returns: "{ request: OfflineRequest }",
    run: async (input, { agent }) => ({ request: await offlineRequestOfSite(agent.site, input.offlineRequestId) }),
  }),
];
