import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { LoginThrottle } from "../login-throttle.ts";

// A window far longer than a test: the counts never depend on how fast the machine runs them.
const WINDOW_S = 3600;
const throttle = () =>
  new LoginThrottle({
    perEmail: new RateLimiterMemory({ points: 3, duration: WINDOW_S }),
    perAddress: new RateLimiterMemory({ points: 5, duration: WINDOW_S }),
  });

describe("LoginThrottle", () => {
  it("should block an email once it reaches the limit, until the end of its window", async () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) await t.recordFailure("a@x.test", "1.1.1.1");
    expect(await t.retryAfterMs("a@x.test", "2.2.2.2")).toBe(0);
    await t.recordFailure("a@x.test", "1.1.1.1");
    const wait = await t.retryAfterMs("a@x.test", "2.2.2.2");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(WINDOW_S * 1000);
    expect(await t.retryAfterMs("b@x.test", "2.2.2.2")).toBe(0);
  });

  it("should keep counting failures past the limit without throwing", async () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) await t.recordFailure("a@x.test", "1.1.1.1");
    expect(await t.retryAfterMs("a@x.test", "2.2.2.2")).toBeGreaterThan(0);
  });

  it("should block an address that tries many emails", async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) await t.recordFailure(`u${i}@x.test`, "9.9.9.9");
    expect(await t.retryAfterMs("fresh@x.test", "9.9.9.9")).toBeGreaterThan(0);
    expect(await t.retryAfterMs("fresh@x.test", "8.8.8.8")).toBe(0);
  });

  it("should forget an email's failures after a success, but not the address's", async () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) await t.recordFailure("a@x.test", "1.1.1.1");
    await t.recordSuccess("a@x.test");
    await t.recordFailure("a@x.test", "1.1.1.1");
    expect(await t.retryAfterMs("a@x.test", "3.3.3.3")).toBe(0);
    for (let i = 0; i < 2; i++) await t.recordFailure(`u${i}@x.test`, "1.1.1.1");
    expect(await t.retryAfterMs("b@x.test", "1.1.1.1")).toBeGreaterThan(0);
  });

  it("should let sign-ins through, and not throw, when its store fails", async () => {
    // No insurance limiter here, so the store's error reaches the throttle.
    const redis = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false });
    const failing = (points: number) =>
      new RateLimiterRedis({ storeClient: redis, points, duration: WINDOW_S, rejectIfRedisNotReady: true });
    const t = new LoginThrottle({ perEmail: failing(3), perAddress: failing(5) });
    try {
      for (let i = 0; i < 5; i++) await t.recordFailure("a@x.test", "1.1.1.1");
      await t.recordSuccess("a@x.test");
      expect(await t.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
    } finally {
      redis.disconnect();
    }
  });
});
