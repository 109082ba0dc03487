import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { ForbiddenAddressError, guardedLookup, hostOf, isForbiddenAddress, type Resolver } from "./ssrf-guard.ts";

/** The whole attempt, connection to last byte: a slow receiver must not hold a sweep. */
export const WEBHOOK_TIMEOUT_MS = 8_000;
/** What is read of a receiver's answer (for nothing but draining it): its body is not kept. */
const MAX_RESPONSE_BYTES = 16 * 1024;

export type AttemptResult =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; status: number | null; durationMs: number; error: string };

export interface RequestPolicy {
  /** Production: https only, and public addresses only (ssrf-guard.ts). */
  guarded: boolean;
  timeoutMs?: number;
  /** Tests resolve names their own way; the server uses the system's resolver. */
  resolve?: Resolver;
}

/**
 * POSTs one webhook body. A 2xx answer is a delivery; anything else is a failure to retry: a redirect is not followed
 * (it could point anywhere, past the address check), and nothing waits past the timeout.
 */
export async function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  policy: RequestPolicy,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  if (policy.guarded) {
    if (url.protocol !== "https:") return { ok: false, status: null, durationMs: 0, error: "Only https:// endpoints" };
    // An address literal never reaches the socket's lookup, so it is checked here; names are checked by the lookup.
    const host = hostOf(url);
    if (isIP(host) && isForbiddenAddress(host))
      return { ok: false, status: null, durationMs: 0, error: `${host} is not a public address` };
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const timeoutMs = policy.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const done = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (error: string, status: number | null = null) =>
      done({ ok: false, status, durationMs: elapsed(), error });
    const req = send(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "Parley-Webhooks/1",
      },
      // A fresh connection each time: a pooled socket would skip the lookup, and with it the address check.
      agent: false,
      ...(policy.guarded ? { lookup: guardedLookup(policy.resolve) } : {}),
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(`No answer within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) => {
      fail(err instanceof ForbiddenAddressError ? err.message : `${err.code ?? "ERROR"}: ${err.message}`);
    });
    req.on("response", (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) res.destroy();
      });
      const finish = () => {
        if (status >= 200 && status < 300) done({ ok: true, status, durationMs: elapsed() });
        else if (status >= 300 && status < 400) fail(`Redirect (${status}) not followed`, status);
        else fail(`HTTP ${status}`, status);
      };
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);
    });
    req.end(body);
  });
}
