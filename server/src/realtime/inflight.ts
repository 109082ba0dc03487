/**
 * Counts handlers still running so shutdown can let in-flight writes finish and answer, and refuses new ones
 * once shutdown has begun (they get UNAVAILABLE, which clients retry on their next connection, elsewhere).
 */
export class InflightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];
  /** Set when shutdown begins: no new work starts. */
  draining = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  /** Resolves when nothing is running, or after `timeoutMs`, whichever is first. */
  drain(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
