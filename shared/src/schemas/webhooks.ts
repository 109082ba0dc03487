// Signed webhooks: a site's admins register HTTPS endpoints that Parley POSTs events to.
import { z } from "zod";
import { ObjectIdString } from "./primitives.ts";

/** Every event a webhook can carry. Never internal notes, whispers or ticket notes. */
export const WEBHOOK_EVENT_TYPES = [
  "conversation.started",
  "conversation.assigned",
  "conversation.closed",
  "message.created",
  "ticket.created",
  "ticket.status_changed",
  "ticket.sla_at_risk",
  "ticket.sla_breached",
  "ticket.escalated",
  "csat.submitted",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** What an admin's "Send test event" sends; no endpoint subscribes to it, it is only ever asked for. */
export const WEBHOOK_PING = "webhook.ping";

/** A site's endpoints are loaded whole for every event it emits: a small bound keeps that cheap. */
export const MAX_WEBHOOK_ENDPOINTS = 10;
export const MAX_WEBHOOK_URL_LENGTH = 2000;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 120;

/** Where events go; https only in production (the server checks that, and where the host resolves to). */
export const WebhookUrl = z
  .string()
  .trim()
  .min(1, "URL is required")
  .max(MAX_WEBHOOK_URL_LENGTH, `URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }))
  .refine((u) => !/^https?:\/\/[^/?#]*@/i.test(u), "must not contain a user name or password");

export const WebhookEvents = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, "choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

const Description = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_DESCRIPTION_LENGTH, `description is longer than ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters`);

export const WebhookCreateInput = z.strictObject({
  url: WebhookUrl,
  events: WebhookEvents,
  description: Description.optional(),
});
export type WebhookCreateInput = z.infer<typeof WebhookCreateInput>;

/** Changes what is given; the secret is changed only by `webhook:rotate-secret`. */
export const WebhookUpdateInput = z.strictObject({
  endpointId: ObjectIdString,
  url: WebhookUrl.optional(),
  events: WebhookEvents.optional(),
  description: Description.optional(),
  enabled: z.boolean().optional(),
});
export type WebhookUpdateInput = z.infer<typeof WebhookUpdateInput>;

export const WebhookRef = z.strictObject({ endpointId: ObjectIdString });
export type WebhookRef = z.infer<typeof WebhookRef>;

/** A delivery's id: derived from its event's and endpoint's, so an event stored twice is one delivery. */
export const WebhookDeliveryId = z.string().regex(/^dlv_[a-f0-9]{32}$/, "invalid delivery id");

export const WebhookRedeliverInput = z.strictObject({ endpointId: ObjectIdString, deliveryId: WebhookDeliveryId });
export type WebhookRedeliverInput = z.infer<typeof WebhookRedeliverInput>;

/** An endpoint as admins see it: never its secret, which is shown once, on creation and on rotation. */
export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  /** When the secret was made (creation or the last rotation). */
  secretCreatedAt: string;
}

/** `webhook:create` and `webhook:rotate-secret`: the only time the secret leaves the server. */
export interface WebhookSecretDto {
  endpoint: WebhookEndpointDto;
  secret: string;
}

export interface WebhookDeliveryDto {
  id: string;
  eventId: string;
  type: WebhookEventType | typeof WEBHOOK_PING;
  /** pending: waiting for its first or next attempt; failed: gave up after 24 hours of retries. */
  status: "pending" | "delivered" | "failed";
  attempts: number;
  /** The HTTP status of the last attempt; null when it got no answer (refused, timed out, blocked). */
  responseStatus: number | null;
  /** How long the last attempt took, in milliseconds. */
  durationMs: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

/** What each request's body is: versioned by `type`, with `data` built from the same DTOs the console gets. */
export interface WebhookEventBody<T = unknown> {
  id: string;
  type: WebhookEventType | typeof WEBHOOK_PING;
  createdAt: string;
  siteId: string;
  data: T;
}
