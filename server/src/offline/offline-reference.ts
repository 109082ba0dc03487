import { randomInt } from "node:crypto";

// Crockford's base32 without I, L, O and U: nothing a visitor reading it out on the phone can confuse.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "REQ-" and six characters: about a billion values, short enough to read out. */
export function newOfflineReference(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `REQ-${code}`;
}
