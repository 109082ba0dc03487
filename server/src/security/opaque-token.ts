import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: used for visitor tokens and agent session cookies. */
export function mintToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are high-entropy, so a plain sha256 is enough to make a stolen database useless for replay. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
