import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../../../test/harness.ts";

// Behind a load balancer every request comes from the balancer's address; TRUST_PROXY makes the client's address
// (X-Forwarded-For) the one that sign-in throttling counts, so one abusive client does not lock out everyone.
let t: TestServer;
beforeAll(async () => {
  t = await TestServer.start(undefined, { TRUST_PROXY: "1" });
});
afterAll(() => t.stop());

const attempt = (forwardedFor: string) =>
  fetch(`${t.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: `nobody-${randomBytes(4).toString("hex")}@example.test`, password: "guess" }),
  }).then((res) => res.status);

describe("TRUST_PROXY", () => {
  it("should count failed sign-ins per forwarded client address, not per proxy", async () => {
    // 30 failures per address in 15 minutes; each attempt names another email, so only the address limit applies.
    for (let i = 0; i < 30; i++) expect(await attempt("203.0.113.7")).toBe(401);
    expect(await attempt("203.0.113.7")).toBe(429);
    // Another client behind the same balancer is not affected.
    expect(await attempt("203.0.113.8")).toBe(401);
  });

  it("should limit wrong passwords per forwarded client and email, so another client still signs the agent in", async () => {
    const site = await t.createSite();
    const { email, password } = await t.createAgent(site._id);
    const login = (forwardedFor: string, pw: string) =>
      fetch(`${t.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ email, password: pw }),
      }).then((res) => res.status);
    for (let i = 0; i < 5; i++) expect(await login("198.51.100.1", "wrong")).toBe(401);
    expect(await login("198.51.100.1", password)).toBe(429);
    expect(await login("198.51.100.2", password)).toBe(200);
  });
});
