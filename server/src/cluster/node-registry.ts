import type { Redis } from "ioredis";

const BEAT_MS = 5_000;
const TTL_MS = 15_000;

/**
 * Which nodes are up, as keys that expire unless their node renews them. Boot uses it to tell a cold start (no
 * other node serving) from joining a running cluster: only a cold start may recount every agent's load, since a
 * recount racing the others' live offers would undo them.
 */
export class NodeRegistry {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly nodeId: string,
  ) {}

  /** Registers this node and keeps it registered; resolves with how many other nodes were up. */
  async join(): Promise<number> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), BEAT_MS);
    this.timer.unref();
    let others = 0;
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.prefix}:node:*`, "COUNT", 100);
      cursor = next;
      others += keys.filter((k) => k !== this.key()).length;
    } while (cursor !== "0");
    return others;
  }

  async leave(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key()).catch(() => undefined);
  }

  private key(): string {
    return `${this.prefix}:node:${this.nodeId}`;
  }

  private async beat(): Promise<void> {
    await this.redis.set(this.key(), String(Date.now()), "PX", TTL_MS);
  }
}
