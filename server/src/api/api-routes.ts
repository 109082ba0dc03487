import type { ApiRoute } from "./api-route.ts";
import { conversationRoutes } from "./conversations.routes.ts";
import { customerRoutes } from "./customers.routes.ts";
import { messageRoutes } from "./messages.routes.ts";
import { offlineRoutes } from "./offline.routes.ts";
import { ticketRoutes } from "./tickets.routes.ts";

/** Every REST API v1 operation: what the router serves and the OpenAPI document lists. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...conversationRoutes,
  ...messageRoutes,
  ...ticketRoutes,
  ...customerRoutes,
  ...offlineRoutes,
];
