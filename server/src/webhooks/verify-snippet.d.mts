/** The README's verification snippet (verify-snippet.mjs), typed for the tests that run it. */
export function verifyParleyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string | Buffer,
  nowMs?: number,
): unknown;
