import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, issueKey } from "../../../test/api-harness.ts";
import { type StaffMember, staffMember, TestServer } from "../../../test/harness.ts";

// Three requests per key, then none for the rest of the (3 / 0.001 s) window: no test waits on a real clock.
let t: TestServer;
let admin: StaffMember;

beforeAll(async () => {
  t = await TestServer.start(undefined, { API_KEY_BURST: "3", API_KEY_RATE: "0.001" });
  const site = await t.createSite();
  admin = await staffMember(t, site._id, { role: "admin", name: "Ada" });
});
afterAll(() => t.stop());

describe("REST API rate limit", () => {
  it("should answer 429 past a key's budget, counting each key on its own", async () => {
    const first = (await issueKey(admin, { tickets: "read" })).secret;
    const second = (await issueKey(admin, { tickets: "read" })).secret;
    for (let i = 0; i < 3; i++) expect((await apiCall(t.url, first, "GET", "/tickets")).status).toBe(200);
    const over = await apiCall(t.url, first, "GET", "/tickets");
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect((await apiCall(t.url, second, "GET", "/tickets")).status).toBe(200);
  });
});
