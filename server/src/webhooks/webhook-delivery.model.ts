import type { WebhookDeliveryDto } from "@parley/shared";
import { model, Schema } from "mongoose";

/**
 * One event for one endpoint, and how its attempts went: the delivery log admins read. Keyed by a hash of the event's
 * and the endpoint's ids, so an event emitted twice (a retried write) is stored, and sent, once. It keeps the body it
 * was first built with: every retry and a redelivery send the same bytes. Finished deliveries are pruned after
 * LOG_DAYS (webhook-dispatcher.ts); what is waiting for an attempt is also in `webhook_due`, the small set the retry
 * sweep reads.
 */
const webhookDeliverySchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Site and endpoint ids, hex. */
    site: { type: String, required: true },
    endpoint: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, enum: ["pending", "delivered", "failed"], required: true },
    attempts: { type: Number, required: true, default: 0 },
    responseStatus: { type: Number, default: null },
    durationMs: { type: Number, default: null },
    lastError: { type: String, default: null },
    lastAttemptAt: { type: Date, default: null },
    nextAttemptAt: { type: Date, default: null },
    /** On the server's clock (the retry window and the log's order follow it), not the driver's. */
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "webhook_deliveries" },
);

export const WebhookDelivery = model("WebhookDelivery", webhookDeliverySchema);

export interface WebhookDeliveryDoc {
  _id: string;
  site: string;
  endpoint: string;
  eventId: string;
  type: WebhookDeliveryDto["type"];
  body: string;
  status: WebhookDeliveryDto["status"];
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

export function toDeliveryDto(d: WebhookDeliveryDoc): WebhookDeliveryDto {
  return {
    id: d._id,
    eventId: d.eventId,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus ?? null,
    durationMs: d.durationMs ?? null,
    lastError: d.lastError ?? null,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  };
}
