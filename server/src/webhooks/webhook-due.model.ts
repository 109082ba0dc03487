import { model, Schema } from "mongoose";

/**
 * A delivery waiting for an attempt: only what is live, apart from the log that grows (webhook_deliveries), so the
 * retry sweep's read is bounded by what is waiting now, not by all the deliveries of the last days. `nextAttemptAt` is
 * also the claim: an attempt in progress moves it CLAIM_MS ahead, and a sweep takes only what is due.
 */
const webhookDueSchema = new Schema(
  {
    /** The delivery's id. */
    _id: { type: String, required: true },
    nextAttemptAt: { type: Date, required: true },
    /** Retries stop 24 hours after this: the first emit, or the admin's redelivery. */
    since: { type: Date, required: true },
  },
  { versionKey: false, collection: "webhook_due" },
);

export const WebhookDue = model("WebhookDue", webhookDueSchema);

export interface WebhookDueDoc {
  _id: string;
  nextAttemptAt: Date;
  since: Date;
}
