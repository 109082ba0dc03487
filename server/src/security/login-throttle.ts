import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** Where failed sign-ins are counted; each limiter's `points` and `duration` are its limit and window. */
export interface SignInLimiters {
  /**
   * Failures of one email from one address. At `points`, that address waits for the end of the window before
   * it may try that email again: someone guessing an agent's password is stopped without locking the agent
   * out from their own address.
   */
  perPair: RateLimiterAbstract;
  /** Failures from one address across every email; at `points` the address waits for the end of the window. */
  perAddress: RateLimiterAbstract;
  /**
   * Failures on one email from every address: a ceiling against guessing spread over many addresses. It is no
   * hard lock, since anyone who knows the email could then lock the agent out: past `points`, each further
   * failure makes the email wait a little longer before its next attempt (`backoff`).
   */
  perEmail: RateLimiterAbstract;
  /** Where that wait is kept: the email's key, blocked for the wait's length. */
  emailBackoff: RateLimiterAbstract;
  /** The wait after the first failure past the per-email ceiling, doubled for each one after, up to `maxSeconds`. */
  backoff: { firstSeconds: number; maxSeconds: number };
}

/**
 * Counts failed sign-ins per (email, address) pair, per address and per email, each over a fixed window that
 * starts at the first failure. The limiters decide where the counts live (security/rate-limits.ts: Redis shared
 * by every server process, or this process's memory). A store error counts as no failures: an outage must not
 * lock every agent out.
 */
export class LoginThrottle {
  constructor(private readonly limiters: SignInLimiters) {}

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const { perPair, perAddress, emailBackoff } = this.limiters;
    const waits = await Promise.all([
      wait(perPair, pairKey(email, address)),
      wait(perAddress, address),
      wait(emailBackoff, email),
    ]);
    return Math.max(...waits);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const { perPair, perAddress, perEmail, emailBackoff, backoff } = this.limiters;
    // penalty, not consume: a failure past the limit is still counted, and is not an error.
    const [, , onEmail] = await Promise.all([
      perPair.penalty(pairKey(email, address)).catch(ignore),
      perAddress.penalty(address).catch(ignore),
      perEmail.penalty(email).catch(ignore),
    ]);
    const past = onEmail ? onEmail.consumedPoints - perEmail.points : 0;
    if (past <= 0) return;
    const seconds = Math.min(backoff.maxSeconds, backoff.firstSeconds * 2 ** Math.min(past - 1, 30));
    await emailBackoff.block(email, seconds).catch(ignore);
  }

  /**
   * Forgets this pair's failures: the agent's own typos. The address keeps its count (one good password must not
   * clear an address trying many accounts), and so does the email (the owner signing in must not give guessers
   * elsewhere a fresh allowance).
   */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.limiters.perPair.delete(pairKey(email, address)).catch(ignore);
  }
}

// An address never holds a "|"; the email, which may, comes last.
const pairKey = (email: string, address: string): string => `${address}|${email}`;

async function wait(failures: RateLimiterAbstract, key: string): Promise<number> {
  const res = await failures.get(key).catch(() => null);
  if (!res || res.consumedPoints < failures.points) return 0;
  return Math.max(0, res.msBeforeNext);
}

function ignore(): undefined {
  return undefined;
}
