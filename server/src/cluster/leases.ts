import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logging/logger.ts";

/**
 * Background work that must run on one node at a time (the SLA watch, chat alerts, sweeps) asks for a lease before
 * each round. Without Redis there is one process and it always holds every lease.
 *
 * A lease is a Redis key holding its node's id, with an expiry: the holder renews it each round, and when the holder
 * dies it lapses after `ttlMs` and another node takes it over. A lease is about doing the work once, not about
 * correctness: each write it leads to is still a compare-and-set, so two holders for a moment (a node paused past its
 * expiry) cost a repeated read, never a repeated alert.
 */
export interface Leases {
  /** This node's id in the cluster. */
  readonly nodeId: string;
  /** Whether this node holds `name` now: it takes a free or lapsed lease, and renews its own. */
  hold(name: string, ttlMs: number): Promise<boolean>;
  /** Gives up every lease this node holds (a clean shutdown hands the work over at once). */
  releaseAll(): Promise<void>;
}

// One round trip, atomic: take when free, renew when ours, else refuse.
const HOLD = `
local v = redis.call('GET', KEYS[1])
if v == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export const singleProcessLeases: Leases = {
  nodeId: "single",
  hold: async () => true,
  releaseAll: async () => {},
};

export function redisLeases(redis: Redis, prefix: string, logger: Logger): Leases {
  const nodeId = randomUUID();
  const held = new Set<string>();
  const key = (name: string) => `${prefix}:lease:${name}`;
  return {
    nodeId,
    async hold(name, ttlMs) {
      try {
        const won = (await redis.eval(HOLD, 1, key(name), nodeId, String(ttlMs))) === 1;
        if (won && !held.has(name)) logger.info({ event: "lease_taken", lease: name, nodeId }, "now running this work");
        if (won) held.add(name);
        else held.delete(name);
        return won;
      } catch {
        // Redis is away: nobody can tell who holds what, so this round is skipped (the outage is logged once by
        // RedisLink). The work is late by the outage, not repeated.
        held.delete(name);
        return false;
      }
    },
    async releaseAll() {
      await Promise.all([...held].map((name) => redis.eval(RELEASE, 1, key(name), nodeId).catch(() => undefined)));
      held.clear();
    },
  };
}
