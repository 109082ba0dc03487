import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { WebhookDispatcher } from "./webhook-dispatcher.ts";
import type { WebhookEndpointStore } from "./webhook-endpoints.ts";

type WebhookCommands =
  | "webhook:list"
  | "webhook:create"
  | "webhook:update"
  | "webhook:delete"
  | "webhook:rotate-secret"
  | "webhook:deliveries"
  | "webhook:redeliver"
  | "webhook:ping";

/**
 * The Admin page's Webhooks section (admins only: staff-command-roles.ts). Everything is of the caller's own site:
 * an endpoint or delivery of another site is NOT_FOUND, as if it did not exist.
 */
export function webhookHandlers(deps: {
  endpoints: WebhookEndpointStore;
  dispatcher: WebhookDispatcher;
}): HandlerGroup<AgentClientToServerEvents, StaffContext, WebhookCommands> {
  const { endpoints, dispatcher } = deps;
  const siteOf = (ctx: StaffContext) => ctx.agent.site.toHexString();
  return {
    "webhook:list": async (_input, ctx) => ({ endpoints: await endpoints.list(siteOf(ctx)) }),
    "webhook:create": (input, ctx) => endpoints.create(siteOf(ctx), input),
    "webhook:update": async (input, ctx) => ({ endpoint: await endpoints.update(siteOf(ctx), input) }),
    "webhook:delete": async (input, ctx) => {
      await endpoints.remove(siteOf(ctx), input.endpointId);
      return { id: input.endpointId };
    },
    "webhook:rotate-secret": (input, ctx) => endpoints.rotate(siteOf(ctx), input.endpointId),
    "webhook:deliveries": async (input, ctx) => ({ deliveries: await dispatcher.log(siteOf(ctx), input.endpointId) }),
    "webhook:redeliver": async (input, ctx) => ({
      delivery: await dispatcher.redeliver(siteOf(ctx), input.endpointId, input.deliveryId),
    }),
    "webhook:ping": async (input, ctx) => ({ delivery: await dispatcher.ping(siteOf(ctx), input.endpointId) }),
  };
}
