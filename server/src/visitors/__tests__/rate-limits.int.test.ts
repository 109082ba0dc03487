import { request } from "node:http";
import type { Ack } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, msgId, ok, TestServer } from "../../../test/harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  // The limits keep their own time: with a burst of 60 and a window of 6,000 s, no count refills while a slow
  // machine runs a loop. The other limits' windows (40 s and more) are far longer than their loops too.
  t = await TestServer.start(undefined, { VISITOR_EVENT_RATE: "0.01" });
  site = await t.createSite();
});
afterAll(() => t.stop());

const offlineForm = (clientRequestId = msgId()) => ({
  clientRequestId,
  name: "Sam Spam",
  email: "sam@example.test",
  priority: "low",
  details: "Hello again",
});

describe("visitor rate limits", () => {
  it("should refuse a visitor looping on an event with RATE_LIMITED, and not the next visitor", async () => {
    const { socket } = await t.visitor(site.key);
    const answers = await Promise.all(Array.from({ length: 80 }, () => call(socket, "site:availability", {})));
    const refused = answers.filter((a): a is Extract<Ack<unknown>, { ok: false }> => !a.ok);
    // A burst of 60 passes; the rest of the loop is cut off.
    expect(answers.filter((a) => a.ok).length).toBe(60);
    expect(refused.length).toBe(20);
    expect(new Set(refused.map((a) => a.error.code))).toEqual(new Set(["RATE_LIMITED"]));
    expect((await call(socket, "site:availability", {})).ok).toBe(false);
    // Another visitor is not affected by the first one's loop.
    const other = await t.visitor(site.key);
    expect((await call(other.socket, "site:availability", {})).ok).toBe(true);
  });

  it("should take five new offline requests from a visitor, refuse the sixth, and still answer a retry", async () => {
    const { socket } = await t.visitor(site.key);
    const first = offlineForm();
    const { reference } = await ok<{ reference: string }>(socket, "offline:submit", first);
    for (let i = 0; i < 4; i++) await ok(socket, "offline:submit", offlineForm());
    const sixth = await call(socket, "offline:submit", offlineForm());
    expect(sixth).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // A resubmission of a stored request is a retry, not a new request: it gets its reference back.
    expect(await ok<{ reference: string }>(socket, "offline:submit", first)).toEqual({ reference });
  });

  it("should cut off an address minting visitor sessions in a loop with 429, and not another address", async () => {
    // Addresses of their own (all of 127/8 is loopback), so the earlier tests' sessions do not count here.
    const statuses: number[] = [];
    for (let i = 0; i < 260; i++) {
      const res = await newSession("127.0.0.2");
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 201).length).toBe(200);
    expect((await newSession("127.0.0.3")).status).toBe(201);
  });
});

/** POST /api/widget/session from `localAddress`, the client address the server limits by. */
function newSession(localAddress: string): Promise<{ status: number; body: unknown }> {
  const url = new URL("/api/widget/session", t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", localAddress, headers: { "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ siteKey: site.key }));
  });
}
