/**
 * Rate limits as token buckets, one per key (a visitor, an address): a burst up to `capacity`, then
 * `perSecond` on average, on the clock it is given (the server's, so tests hold it still). In memory, like
 * the sign-in throttle: one server process is the supported deployment today (README, "Known limits").
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rule: { capacity: number; perSecond: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.capacity, at: now };
    // A clock set back (tests move theirs both ways) refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.rule.capacity, bucket.tokens + (elapsed / 1000) * this.rule.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return true;
  }

  /** A full bucket is the same as no bucket: dropping them keeps memory bounded by recent callers. */
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.rule.perSecond >= this.rule.capacity) this.buckets.delete(key);
    }
  }
}
