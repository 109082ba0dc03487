/** The webhook verification snippet of docs/api.md (verify-snippet.mjs), typed for the tests that run it. */
export function verifyParleyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string | Buffer,
  nowMs?: number,
): unknown;
