import { describe, expect, it } from "vitest";
import { LoginThrottle } from "../login-throttle.ts";

describe("LoginThrottle", () => {
  const limits = { perEmail: 3, perAddress: 5, windowMs: 60_000 };

  it("should block an email after the limit and release it when the window passes", () => {
    let now = 0;
    const t = new LoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) t.recordFailure("a@x.test", "1.1.1.1");
    expect(t.retryAfterMs("a@x.test", "2.2.2.2")).toBe(60_000);
    now = 30_000;
    expect(t.retryAfterMs("a@x.test", "2.2.2.2")).toBe(30_000);
    now = 60_001;
    expect(t.retryAfterMs("a@x.test", "2.2.2.2")).toBe(0);
  });

  it("should block an address that tries many emails", () => {
    const t = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 5; i++) t.recordFailure(`u${i}@x.test`, "9.9.9.9");
    expect(t.retryAfterMs("fresh@x.test", "9.9.9.9")).toBeGreaterThan(0);
    expect(t.retryAfterMs("fresh@x.test", "8.8.8.8")).toBe(0);
  });

  it("should forget an email's failures after a success", () => {
    const t = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 2; i++) t.recordFailure("a@x.test", "1.1.1.1");
    t.recordSuccess("a@x.test");
    t.recordFailure("a@x.test", "1.1.1.1");
    expect(t.retryAfterMs("a@x.test", "3.3.3.3")).toBe(0);
  });
});
