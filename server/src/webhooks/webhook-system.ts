import type { Leases } from "../cluster/leases.ts";
import type { DomainEvents } from "../events/domain-events.ts";
import type { Logger } from "../logging/logger.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import type { Resolver } from "./ssrf-guard.ts";
import { WebhookDispatcher } from "./webhook-dispatcher.ts";
import { WebhookEndpointStore } from "./webhook-endpoints.ts";
import type { DomainEventMap } from "./webhook-events.ts";
import { followDomain } from "./webhook-events.ts";

export interface WebhookSystem {
  endpoints: WebhookEndpointStore;
  dispatcher: WebhookDispatcher;
  /** One retry pass now, at the clock's time (tests call it after moving their clock). */
  sweep(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Signed webhooks: follows the domain's events, stores a delivery per (event, endpoint) and sends it.
 * With several nodes, a change of a site's endpoints is told to the others (through the Socket.IO adapter), which
 * forget their cached copy at once.
 */
export function createWebhookSystem(opts: {
  events: DomainEvents<DomainEventMap>;
  staff: StaffNamespace;
  /** Several nodes share the work (Redis). */
  shared: boolean;
  clock: () => Date;
  leases: Leases;
  logger: Logger;
  /** NODE_ENV=production: https only, public addresses only. */
  production: boolean;
  resolve?: Resolver;
}): WebhookSystem {
  const { logger } = opts;
  const endpoints = new WebhookEndpointStore({
    guarded: opts.production,
    clock: opts.clock,
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
    ...(opts.shared ? { changed: (site: string) => opts.staff.serverSideEmit("webhooks:changed", site) } : {}),
  });
  if (opts.shared) opts.staff.on("webhooks:changed", (site) => endpoints.forget(site));
  const dispatcher = new WebhookDispatcher(endpoints, {
    clock: opts.clock,
    leases: opts.leases,
    logger,
    policy: { guarded: opts.production, ...(opts.resolve ? { resolve: opts.resolve } : {}) },
  });
  followDomain(opts.events, (occurrence) => {
    // Off the caller's path: a chat message is acked without waiting for a webhook.
    dispatcher
      .publish(occurrence)
      .catch((err) => logger.warn({ err, type: occurrence.type }, "a webhook event was not stored"));
  });
  return {
    endpoints,
    dispatcher,
    sweep: () => dispatcher.sweep(),
    start: () => dispatcher.start(),
    stop: () => dispatcher.stop(),
  };
}
