import type { RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Counts failed sign-ins per email and per client address, each over a fixed window that starts at the first
 * failure; a key that reaches its limiter's `points` waits for the end of its window. The limiters decide where
 * the counts live (security/rate-limits.ts: Redis shared by every server process, or this process's memory).
 * A store error counts as no failures: an outage must not lock every agent out.
 */
export class LoginThrottle {
  constructor(private readonly failures: { perEmail: RateLimiterAbstract; perAddress: RateLimiterAbstract }) {}

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const waits = await Promise.all([wait(this.failures.perEmail, email), wait(this.failures.perAddress, address)]);
    return Math.max(...waits);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    // penalty, not consume: a failure past the limit is still counted, and is not an error.
    await Promise.all([
      this.failures.perEmail.penalty(email).catch(ignore),
      this.failures.perAddress.penalty(address).catch(ignore),
    ]);
  }

  /** The address keeps its count: one good password must not clear an address trying many accounts. */
  async recordSuccess(email: string): Promise<void> {
    await this.failures.perEmail.delete(email).catch(ignore);
  }
}

async function wait(failures: RateLimiterAbstract, key: string): Promise<number> {
  const res = await failures.get(key).catch(() => null);
  if (!res || res.consumedPoints < failures.points) return 0;
  return Math.max(0, res.msBeforeNext);
}

function ignore(): void {}
