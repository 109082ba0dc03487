import { z } from "zod";
import { Email, PersonName } from "./primitives.ts";

// Verified identity: the host page's server vouches for a signed-in user with a token signed by the
// site's identity secret, so a widget on any of that user's devices reaches the same chats and tickets.

/** The longest `exp` a token may carry, counted from the server's now: a leaked token is good for a day at most. */
export const IDENTITY_MAX_LIFETIME_S = 24 * 60 * 60;

/**
 * What the host page's server signs, as JSON. Exactly these fields: an unknown one is refused, so a typo such as
 * `user_id` fails loudly instead of signing nothing useful.
 */
export const IdentityClaims = z.strictObject({
  /** The host's own id for the user: stable, never reused for someone else. */
  userId: z.string().trim().min(1).max(200),
  email: Email.optional(),
  name: PersonName.optional(),
  /** Expiry, in seconds since the Unix epoch (as a JWT's `exp`). */
  exp: z.number().int().positive(),
});
export type IdentityClaims = z.infer<typeof IdentityClaims>;

/**
 * `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, that first part))`, without padding. The MAC is 32
 * bytes, so 43 characters.
 */
export const IdentityToken = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, "invalid identity token");
export type IdentityToken = z.infer<typeof IdentityToken>;

/** `site:identity` and `site:identity-rotate` (admins): the secret the host's server signs identity tokens with. */
export interface SiteIdentityDto {
  secret: string;
}
