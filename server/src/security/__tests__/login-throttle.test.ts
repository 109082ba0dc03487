import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { LoginThrottle } from "../login-throttle.ts";

// A window far longer than a test: the counts never depend on how fast the machine runs them.
const WINDOW_S = 3600;
const throttle = (backoff = { firstSeconds: 1, maxSeconds: 8 }) =>
  new LoginThrottle({
    perPair: new RateLimiterMemory({ points: 3, duration: WINDOW_S }),
    perAddress: new RateLimiterMemory({ points: 5, duration: WINDOW_S }),
    perEmail: new RateLimiterMemory({ points: 4, duration: WINDOW_S }),
    emailBackoff: new RateLimiterMemory({ points: 1, duration: WINDOW_S }),
    backoff,
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("LoginThrottle", () => {
  it("should stop one address guessing one email at the pair's limit, and not that email from elsewhere", async () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) await t.recordFailure("a@x.test", "1.1.1.1");
    expect(await t.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
    await t.recordFailure("a@x.test", "1.1.1.1");
    const wait = await t.retryAfterMs("a@x.test", "1.1.1.1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(WINDOW_S * 1000);
    expect(await t.retryAfterMs("a@x.test", "2.2.2.2")).toBe(0);
    expect(await t.retryAfterMs("b@x.test", "1.1.1.1")).toBe(0);
  });

  it("should keep counting failures past the limit without throwing", async () => {
    const t = throttle();
    for (let i = 0; i < 10; i++) await t.recordFailure("a@x.test", `1.1.1.${i % 2}`);
    expect(await t.retryAfterMs("a@x.test", "1.1.1.0")).toBeGreaterThan(0);
  });

  it("should block an address that tries many emails", async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) await t.recordFailure(`u${i}@x.test`, "9.9.9.9");
    expect(await t.retryAfterMs("fresh@x.test", "9.9.9.9")).toBeGreaterThan(0);
    expect(await t.retryAfterMs("fresh@x.test", "8.8.8.8")).toBe(0);
  });

  it("should make an email guessed from many addresses wait longer after each failure past its ceiling", async () => {
    const t = throttle();
    for (let i = 1; i <= 4; i++) await t.recordFailure("a@x.test", `10.0.0.${i}`);
    // At the ceiling, no wait yet; every failure past it waits twice as long as the one before, up to the cap.
    expect(await t.retryAfterMs("a@x.test", "10.0.1.1")).toBe(0);
    const waits: number[] = [];
    for (let i = 5; i <= 9; i++) {
      await t.recordFailure("a@x.test", `10.0.0.${i}`);
      waits.push(await t.retryAfterMs("a@x.test", "10.0.1.1"));
    }
    const [w1, w2, w4, w8, cap] = waits as [number, number, number, number, number];
    expect(w1).toBeGreaterThan(0);
    expect(w1).toBeLessThanOrEqual(1000);
    expect(w2).toBeGreaterThan(1000);
    expect(w2).toBeLessThanOrEqual(2000);
    expect(w4).toBeGreaterThan(2000);
    expect(w4).toBeLessThanOrEqual(4000);
    expect(w8).toBeGreaterThan(4000);
    expect(cap).toBeGreaterThan(4000);
    expect(cap).toBeLessThanOrEqual(8000);
    // The wait is the email's, wherever the next attempt comes from; other emails are not affected.
    expect(await t.retryAfterMs("a@x.test", "10.0.2.2")).toBeGreaterThan(4000);
    expect(await t.retryAfterMs("b@x.test", "10.0.1.1")).toBe(0);
  });

  it("should let an email past its ceiling try again once its wait is over: a wait, not a lock", async () => {
    const t = throttle({ firstSeconds: 0.1, maxSeconds: 0.1 });
    for (let i = 1; i <= 5; i++) await t.recordFailure("a@x.test", `10.0.0.${i}`);
    expect(await t.retryAfterMs("a@x.test", "10.0.1.1")).toBeGreaterThan(0);
    await sleep(250);
    expect(await t.retryAfterMs("a@x.test", "10.0.1.1")).toBe(0);
  });

  it("should forget a pair's failures after a success, but not the address's nor the email's", async () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) await t.recordFailure("a@x.test", "1.1.1.1");
    await t.recordSuccess("a@x.test", "1.1.1.1");
    await t.recordFailure("a@x.test", "1.1.1.1");
    expect(await t.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
    // The address has 3 failures, the email 3: two more of each reach their limits.
    for (let i = 0; i < 2; i++) await t.recordFailure(`u${i}@x.test`, "1.1.1.1");
    expect(await t.retryAfterMs("b@x.test", "1.1.1.1")).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) await t.recordFailure("a@x.test", `7.7.7.${i}`);
    expect(await t.retryAfterMs("a@x.test", "3.3.3.3")).toBeGreaterThan(0);
  });

  it("should let sign-ins through, and not throw, when its store fails", async () => {
    // No insurance limiter here, so the store's error reaches the throttle.
    const redis = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false });
    const failing = (points: number) =>
      new RateLimiterRedis({ storeClient: redis, points, duration: WINDOW_S, rejectIfRedisNotReady: true });
    const t = new LoginThrottle({
      perPair: failing(3),
      perAddress: failing(5),
      perEmail: failing(1),
      emailBackoff: failing(1),
      backoff: { firstSeconds: 1, maxSeconds: 8 },
    });
    try {
      for (let i = 0; i < 5; i++) await t.recordFailure("a@x.test", "1.1.1.1");
      await t.recordSuccess("a@x.test", "1.1.1.1");
      expect(await t.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
    } finally {
      redis.disconnect();
    }
  });
});
