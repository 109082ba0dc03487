// Verifies a Parley webhook request (Parley's docs/api.md, Webhooks). Copy this into your receiver; it needs only node:crypto.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 5 * 60;

/**
 * `secret`: the endpoint's secret (whsec_...). `headers`: the request's headers, names in lower case (as Node gives
 * them). `rawBody`: the body exactly as received, before any JSON parsing. Returns the parsed event, or null when the
 * signature is wrong or the request is older than 5 minutes (a replay).
 */
export function verifyParleyWebhook(secret, headers, rawBody, nowMs = Date.now()) {
  const timestamp = headers["parley-timestamp"];
  const signature = headers["parley-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string" || !/^\d+$/.test(timestamp)) return null;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return null;
  const body = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  const matches = signature
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => {
      const given = Buffer.from(part.slice(3), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return matches ? JSON.parse(body) : null;
}
