/**
 * Counts failed logins per email and per client address in a sliding window.
 * In memory: one server process is the supported deployment today; a multi-process
 * deployment needs a shared store (noted in the README).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: { perEmail: number; perAddress: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterMs(email: string, address: string): number {
    return Math.max(this.wait(`e:${email}`, this.limits.perEmail), this.wait(`a:${address}`, this.limits.perAddress));
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`e:${email}`, `a:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(`e:${email}`);
  }

  private wait(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    const oldest = list[list.length - limit] ?? this.now();
    return Math.max(0, oldest + this.limits.windowMs - this.now());
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}
