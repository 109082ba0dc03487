import { randomBytes } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressOf, createRateLimits, type Limit, type RateLimitOptions } from "../rate-limits.ts";

// Every window here is far longer than a test, so the counts never depend on how fast the machine runs them.
const events = { capacity: 3, perSecond: 0.001 };
const REDIS_URL = "redis://127.0.0.1:6379";

const takes = (limit: Limit, key: string, n: number) => Promise.all(Array.from({ length: n }, () => limit.take(key)));

const clients: Redis[] = [];
const usedPrefixes: string[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.status === "ready") await client.quit();
    else client.disconnect();
  }
  if (usedPrefixes.length === 0) return;
  // Keys live until their window ends; a test's own are removed so that runs do not pile them up.
  const admin = new Redis(REDIS_URL);
  for (const prefix of usedPrefixes.splice(0)) {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
  }
  await admin.quit();
});

/** A ready client and a key prefix of its own, so parallel and earlier runs never share counts. */
async function liveRedis(): Promise<{ redis: Redis; keyPrefix: string }> {
  const redis = new Redis(REDIS_URL);
  clients.push(redis);
  const keyPrefix = `parley:test:${randomBytes(6).toString("hex")}`;
  usedPrefixes.push(keyPrefix);
  // Until the client is ready the limits count in memory (rejectIfRedisNotReady): these tests want Redis.
  await redis.ping();
  return { redis, keyPrefix };
}

function deadRedis(options: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 0 }): Redis {
  const redis = new Redis("redis://127.0.0.1:1", { ...options, lazyConnect: true });
  redis.on("error", () => {});
  clients.push(redis);
  return redis;
}

const stores: [string, () => Promise<Omit<RateLimitOptions, "visitorEvents">>][] = [
  ["in memory", async () => ({})],
  ["in Redis", liveRedis],
];

describe.each(stores)("rate limits %s", (_name, store) => {
  it("should allow a burst of `capacity` per key, then refuse that key only", async () => {
    const limits = createRateLimits({ visitorEvents: events, ...(await store()) });
    expect(await takes(limits.visitorEvents.perVisitor, "v1", 4)).toEqual([true, true, true, false]);
    expect(await limits.visitorEvents.perVisitor.take("v1")).toBe(false);
    expect(await limits.visitorEvents.perVisitor.take("v2")).toBe(true);
  });

  it("should keep the numbers for sessions, uploads and offline requests, each counted apart", async () => {
    const limits = createRateLimits({ visitorEvents: events, ...(await store()) });
    const allowed = async (limit: Limit, n = 250) => (await takes(limit, "k", n)).filter(Boolean).length;
    expect(await allowed(limits.visitorSessions.perAddress)).toBe(200);
    expect(await allowed(limits.visitorSessions.perSite, 1100)).toBe(1000);
    expect(await allowed(limits.visitorUploads)).toBe(20);
    expect(await allowed(limits.offlineRequests)).toBe(5);
    expect(await limits.visitorEvents.perVisitor.take("k")).toBe(true);
  });

  it("should give an address ten visitors' events and a site 250 visitors', over a visitor's window", async () => {
    const limits = createRateLimits({ visitorEvents: { capacity: 60, perSecond: 2 }, ...(await store()) });
    const allowed = async (limit: Limit, n: number) => (await takes(limit, "k", n)).filter(Boolean).length;
    expect(await allowed(limits.visitorEvents.perAddress, 700)).toBe(600);
    expect(await allowed(limits.visitorEvents.perSite, 15_100)).toBe(15_000);
    expect(await limits.visitorEvents.perVisitor.take("k")).toBe(true);
  });

  it("should throttle sign-ins: 5 per email and address, 30 per address, and past 100 per email a growing wait", async () => {
    const { signIns } = createRateLimits({ visitorEvents: events, ...(await store()) });
    for (let i = 0; i < 4; i++) await signIns.recordFailure("a@x.test", "1.1.1.1");
    expect(await signIns.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
    await signIns.recordFailure("a@x.test", "1.1.1.1");
    const wait = await signIns.retryAfterMs("a@x.test", "1.1.1.1");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    expect(await signIns.retryAfterMs("a@x.test", "2.2.2.2")).toBe(0);
    expect(await signIns.retryAfterMs("b@x.test", "1.1.1.1")).toBe(0);

    for (let i = 0; i < 25; i++) await signIns.recordFailure(`u${i}@x.test`, "1.1.1.1");
    expect(await signIns.retryAfterMs("fresh@x.test", "1.1.1.1")).toBeGreaterThan(0);
    expect(await signIns.retryAfterMs("fresh@x.test", "3.3.3.3")).toBe(0);

    // 100 failures on one email from 20 addresses (5 each): no wait yet; then 1 s, then 2 s.
    for (let i = 0; i < 100; i++) await signIns.recordFailure("c@x.test", `10.0.0.${i % 20}`);
    expect(await signIns.retryAfterMs("c@x.test", "10.0.1.1")).toBe(0);
    await signIns.recordFailure("c@x.test", "10.0.1.2");
    const first = await signIns.retryAfterMs("c@x.test", "10.0.1.1");
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(1000);
    await signIns.recordFailure("c@x.test", "10.0.1.3");
    expect(await signIns.retryAfterMs("c@x.test", "10.0.1.1")).toBeGreaterThan(1000);
  });
});

describe("rate limits in Redis", () => {
  it("should count together across limiter sets sharing one Redis, as two server processes do", async () => {
    const { redis, keyPrefix } = await liveRedis();
    const one = createRateLimits({ visitorEvents: events, redis, keyPrefix });
    const two = createRateLimits({ visitorEvents: events, redis, keyPrefix });
    expect(await takes(one.visitorEvents.perVisitor, "v1", 2)).toEqual([true, true]);
    expect(await two.visitorEvents.perVisitor.take("v1")).toBe(true);
    expect(await one.visitorEvents.perVisitor.take("v1")).toBe(false);
    expect(await two.visitorEvents.perVisitor.take("v1")).toBe(false);

    for (let i = 0; i < 5; i++) await (i % 2 ? one : two).signIns.recordFailure("a@x.test", "1.1.1.1");
    expect(await one.signIns.retryAfterMs("a@x.test", "1.1.1.1")).toBeGreaterThan(0);
    await two.signIns.recordSuccess("a@x.test", "1.1.1.1");
    expect(await one.signIns.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
  });

  it("should keep each limit under its own key, expiring with its window", async () => {
    const { redis, keyPrefix } = await liveRedis();
    const limits = createRateLimits({ visitorEvents: events, redis, keyPrefix });
    await limits.visitorEvents.perVisitor.take("v1");
    await limits.offlineRequests.take("v1");
    expect(await redis.get(`${keyPrefix}:visitor-events:v1`)).toBe("1");
    const ttl = await redis.pttl(`${keyPrefix}:offline-requests:v1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
  });

  it("should answer from this process's memory when Redis cannot be reached, without throwing", async () => {
    const redis = deadRedis();
    await redis.connect().catch(() => {});
    const limits = createRateLimits({ visitorEvents: events, redis });
    expect(await takes(limits.visitorEvents.perVisitor, "v1", 4)).toEqual([true, true, true, false]);
    expect(await limits.visitorEvents.perVisitor.take("v2")).toBe(true);
    for (let i = 0; i < 5; i++) await limits.signIns.recordFailure("a@x.test", "1.1.1.1");
    expect(await limits.signIns.retryAfterMs("a@x.test", "1.1.1.1")).toBeGreaterThan(0);
    await limits.signIns.recordSuccess("a@x.test", "1.1.1.1");
    expect(await limits.signIns.retryAfterMs("a@x.test", "1.1.1.1")).toBe(0);
  });

  it("should not wait in the offline queue of a client that keeps reconnecting", async () => {
    // This client would hold a command until Redis comes back: were it sent, the take would never answer.
    const redis = deadRedis({ maxRetriesPerRequest: null });
    await redis.connect().catch(() => {});
    const limits = createRateLimits({ visitorEvents: events, redis });
    expect(await takes(limits.visitorEvents.perVisitor, "v1", 4)).toEqual([true, true, true, false]);
  });

  it("should answer from memory when a connected Redis fails a command", async () => {
    const { redis, keyPrefix } = await liveRedis();
    const limits = createRateLimits({ visitorEvents: events, redis, keyPrefix });
    // Not a number: the increment fails in Redis, as a command does when Redis is out of memory.
    await redis.set(`${keyPrefix}:visitor-events:v1`, "not a count");
    expect(await takes(limits.visitorEvents.perVisitor, "v1", 4)).toEqual([true, true, true, false]);
  });

  it("should fall back to memory when the connection drops after it was in use", async () => {
    const { redis, keyPrefix } = await liveRedis();
    const limits = createRateLimits({ visitorEvents: events, redis, keyPrefix });
    expect(await limits.visitorEvents.perVisitor.take("v1")).toBe(true);
    redis.disconnect();
    // The memory count starts afresh: an outage loosens the limit for its duration, it does not refuse.
    expect(await takes(limits.visitorEvents.perVisitor, "v1", 4)).toEqual([true, true, true, false]);
  });
});

describe("clientAddressOf", () => {
  // A client can send any X-Forwarded-For of its own; the trusted proxy appends the address it saw.
  const forwarded = { "x-forwarded-for": "6.6.6.6, 203.0.113.9" };

  it("should take the peer, whatever X-Forwarded-For says, without TRUST_PROXY", () => {
    expect(clientAddressOf(false)("198.51.100.4", forwarded)).toBe("198.51.100.4");
  });

  it("should take the address the trusted proxies saw, as Express's req.ip does, never one the client wrote", () => {
    expect(clientAddressOf(1)("10.0.0.2", forwarded)).toBe("203.0.113.9");
    expect(clientAddressOf(["loopback", "10.0.0.0/8"])("127.0.0.1", forwarded)).toBe("203.0.113.9");
    // A peer that is no trusted proxy is the client itself.
    expect(clientAddressOf(["10.0.0.0/8"])("198.51.100.4", forwarded)).toBe("198.51.100.4");
    expect(clientAddressOf(1)("10.0.0.2", {})).toBe("10.0.0.2");
  });
});
