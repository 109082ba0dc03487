import { createHmac, randomBytes } from "node:crypto";

/** The request headers a receiver verifies (docs/api.md, "Verifying a request": the snippet). */
export const SIGNATURE_HEADER = "parley-signature";
export const TIMESTAMP_HEADER = "parley-timestamp";
export const EVENT_ID_HEADER = "parley-event-id";
export const DELIVERY_ID_HEADER = "parley-delivery-id";
export const EVENT_TYPE_HEADER = "parley-event-type";

/** A new endpoint secret: 32 random bytes, prefixed so a leaked one is recognisable in a scanner's findings. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * HMAC-SHA256 with the endpoint's secret over `${timestamp}.${body}`, the timestamp in Unix seconds. Signing the
 * timestamp with the body lets a receiver refuse replays: a captured request cannot be sent again later with a fresh
 * timestamp without the secret. Each attempt is signed anew at its own time, so a retry is not taken for a replay.
 */
export function signWebhook(secret: string, body: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `v1=${signature}` };
}
