import { z } from "zod";
import { MAX_EMAIL_LENGTH, MAX_MESSAGE_LENGTH, MAX_NAME_LENGTH, MAX_URL_LENGTH } from "../constants.ts";

/** A MongoDB ObjectId as it travels on the wire: 24 lowercase hex characters, never an object. */
export const ObjectIdString = z.string().regex(/^[a-f0-9]{24}$/, "must be a 24-character hex id");

/**
 * Client-generated message id: the idempotency key of a send.
 * Restricted to a URL-safe alphabet so it can never smuggle an operator or a path.
 */
export const ClientMsgId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 characters of A-Z, a-z, 0-9, _ or -");

export const MessageBody = z
  .string()
  .trim()
  .min(1, "message is empty")
  .max(MAX_MESSAGE_LENGTH, `message is longer than ${MAX_MESSAGE_LENGTH} characters`);

export const PersonName = z.string().trim().min(1, "name is required").max(MAX_NAME_LENGTH);

export const Email = z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).pipe(z.email());

export const SiteKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "invalid site key");

/** Opaque bearer token minted by the server (base64url of 32 random bytes). */
export const OpaqueToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, "invalid token");

export const Seq = z.number().int().min(0);

const shortText = (max: number) => z.string().max(max);

/** What the widget captures about the visitor's browser when a chat starts. */
export const Environment = z.strictObject({
  url: shortText(MAX_URL_LENGTH),
  referrer: shortText(MAX_URL_LENGTH),
  userAgent: shortText(512),
  language: shortText(35),
  timeZone: shortText(64),
});
export type Environment = z.infer<typeof Environment>;
