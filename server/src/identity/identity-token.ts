import { createHmac, timingSafeEqual } from "node:crypto";
import { IDENTITY_MAX_LIFETIME_S, IdentityClaims } from "@parley/shared";

/**
 * The identity token, as the host page's server makes it: `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret,
 * that first part))`. The MAC covers the encoded text, not a re-serialised object, so any language's JSON encoder can
 * sign. docs/embedding.md, "JS API and verified identity".
 */
export type IdentityVerdict =
  | { ok: true; claims: IdentityClaims }
  | { ok: false; reason: "malformed" | "signature" | "expired" | "too-long" };

export function signIdentityToken(claims: IdentityClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * Checks the signature first (in constant time), and only then reads the claims: nothing of an unsigned payload is
 * ever parsed. `nowMs` is the server's clock, so tests can stand at any moment.
 */
export function verifyIdentityToken(token: string, secret: string, nowMs: number): IdentityVerdict {
  const dot = token.indexOf(".");
  if (dot <= 0) return { ok: false, reason: "malformed" };
  const payload = token.slice(0, dot);
  // Compared as text, not decoded: base64url's last character carries two unused bits, and a decoder would accept
  // four spellings of one MAC.
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(payload, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const claims = IdentityClaims.safeParse(json);
  if (!claims.success) return { ok: false, reason: "malformed" };
  const nowS = Math.floor(nowMs / 1000);
  if (claims.data.exp <= nowS) return { ok: false, reason: "expired" };
  if (claims.data.exp > nowS + IDENTITY_MAX_LIFETIME_S) return { ok: false, reason: "too-long" };
  return { ok: true, claims: claims.data };
}

const mac = (payload: string, secret: string): string =>
  createHmac("sha256", secret).update(payload).digest("base64url");
