/**
 * A clientMsgId (8-64 chars of A-Z a-z 0-9 _ -). `crypto.randomUUID` only exists in
 * secure contexts, and customer sites are not all served over HTTPS, so fall back to
 * `getRandomValues`, which is available everywhere.
 */
export function newClientMsgId(): string {
  if (typeof crypto.randomUUID === "function" && isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
