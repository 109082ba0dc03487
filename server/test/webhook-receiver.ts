import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyParleyWebhook } from "../src/webhooks/verify-snippet.mjs";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
  /** Whether the docs' snippet (docs/api.md) accepted it (a receiver that checks answers 401 when it did not). */
  verified: boolean;
}

/**
 * A real HTTP endpoint on the loopback that records every request and answers with the next status of `answers`
 * (then 200): what a customer's webhook receiver is to Parley in the tests. Once given the endpoint's secret, it checks
 * each request with the verification snippet of docs/api.md, as a customer's would, and answers 401 to one that fails;
 * `now` is the time it checks against (the test's clock: Parley signs at its own clock's time).
 */
export async function webhookReceiver(opts: { answers?: number[]; now?: () => number } = {}) {
  const received: ReceivedWebhook[] = [];
  const queue = [...(opts.answers ?? [])];
  let always: number | null = null;
  let secret: string | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const verified = secret !== null && verifyParleyWebhook(secret, req.headers, body, opts.now?.()) !== null;
      const status = secret !== null && !verified ? 401 : (always ?? queue.shift() ?? 200);
      received.push({ headers: req.headers, body: body.toString("utf8"), status, verified });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/parley`,
    received,
    /** The endpoint's secret, as shown once on its creation (or rotation). */
    useSecret(value: string) {
      secret = value;
    },
    /** Every request from now on is answered with `status` (null: back to the queue, then 200). */
    answerAlways(status: number | null) {
      always = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
