import type { Ack } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ManualClock, msgId, ok, TestServer } from "../../../test/harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
// The limits run on the server's clock: held still here, no bucket refills while a slow machine runs a loop.
const clock = new ManualClock(new Date("2026-05-04T10:00:00Z"));

beforeAll(async () => {
  t = await TestServer.start(undefined, {}, clock.now);
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
  it("should refuse a visitor looping on an event with RATE_LIMITED, and accept them again a little later", async () => {
    const { socket } = await t.visitor(site.key);
    const answers = await Promise.all(Array.from({ length: 80 }, () => call(socket, "site:availability", {})));
    const refused = answers.filter((a): a is Extract<Ack<unknown>, { ok: false }> => !a.ok);
    // A burst of 60 passes; the rest of the loop is cut off.
    expect(answers.filter((a) => a.ok).length).toBe(60);
    expect(refused.length).toBe(20);
    expect(new Set(refused.map((a) => a.error.code))).toEqual(new Set(["RATE_LIMITED"]));
    expect((await call(socket, "site:availability", {})).ok).toBe(false);
    // Two a second come back.
    clock.advance(1_100);
    expect((await call(socket, "site:availability", {})).ok).toBe(true);
    expect((await call(socket, "site:availability", {})).ok).toBe(true);
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

  it("should cut off an address minting visitor sessions in a loop with 429", async () => {
    // Long enough for the earlier tests' sessions to have refilled the address's bucket.
    clock.advance(60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 260; i++) {
      const res = await fetch(`${t.url}/api/widget/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ siteKey: site.key }),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(await res.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 201).length).toBe(200);
  });
});
