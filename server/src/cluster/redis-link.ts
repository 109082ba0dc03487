import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../logging/logger.ts";

export type RedisState = "up" | "down";

/**
 * The node's two connections to Redis, and whether it can reach it.
 *
 * - `bus` carries Socket.IO's fan-out (the streams adapter duplicates it for its blocking reads). Its commands wait
 *   through an outage: the adapter re-reads its stream in a tight loop when a read fails, so a read must hang until
 *   Redis is back rather than fail at once. Broadcasts made meanwhile are sent when it returns; clients resync anyway.
 * - `commands` fails fast: leases and rate limits must answer now, and fall back (no lease: skip this round; no
 *   shared limit: the per-process insurance limit) rather than stall a request.
 */
export interface RedisLink {
  bus: Redis;
  commands: Redis;
  state(): RedisState;
  /** When the current outage began; null while Redis answers. */
  downSince(): Date | null;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 10_000;

export async function connectRedis(url: string, logger: Logger): Promise<RedisLink> {
  const base: RedisOptions = {
    lazyConnect: true,
    connectionName: "parley",
    // Keep trying while the process lives: an outage ends when Redis is back, not after N attempts.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  };
  const bus = new Redis(url, { ...base, maxRetriesPerRequest: null });
  const commands = new Redis(url, { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 0 });

  let downSince: Date | null = null;
  let closing = false;
  const goneDown = (err?: Error) => {
    if (downSince || closing) return;
    downSince = new Date();
    logger.error({ event: "redis_down", err: err?.message }, "lost Redis: live delivery between nodes is paused");
  };
  commands.on("error", (err: Error) => goneDown(err));
  commands.on("close", () => goneDown());
  commands.on("ready", () => {
    if (!downSince) return;
    const outageMs = Date.now() - downSince.getTime();
    downSince = null;
    logger.warn({ event: "redis_up", outageMs }, "Redis is back");
  });
  // ioredis reports every failed reconnect as an error event; the state above logs the outage once.
  bus.on("error", () => {});

  const timeout = setTimeout(() => {
    bus.disconnect();
    commands.disconnect();
  }, CONNECT_TIMEOUT_MS);
  try {
    await Promise.all([bus.connect(), commands.connect()]);
  } catch (err) {
    bus.disconnect();
    commands.disconnect();
    throw new Error(`REDIS_URL is set but Redis did not answer within ${CONNECT_TIMEOUT_MS / 1000} s: ${String(err)}`);
  } finally {
    clearTimeout(timeout);
  }
  logger.info({ event: "redis_connected" }, "Redis connected");

  return {
    bus,
    commands,
    state: () => (downSince ? "down" : "up"),
    downSince: () => downSince,
    async close() {
      closing = true;
      bus.disconnect();
      commands.disconnect();
    },
  };
}
