/**
 * Counts handlers still running so shutdown can let in-flight writes finish and answer, and says when new work
 * must be refused: once shutdown has begun, or while the database is unreachable. Refused work gets UNAVAILABLE
 * at once, which clients retry (on their next connection, or after a moment).
 */
export class InflightTracker {
  private count = 0;
  private waiters: Array<() => void> = [];
  /** Set when shutdown begins: no new work starts. */
  draining = false;

  constructor(
    private readonly databaseReachable: () => boolean = () => true,
    /** How long a command may run before it is answered UNAVAILABLE while it goes on (command-registry.ts). */
    readonly stallMs = 15_000,
  ) {}

  /** Why new work can't start now, or null when it can. */
  refusal(): string | null {
    if (this.draining) return "The server is restarting; try again";
    if (!this.databaseReachable()) return "The database is unreachable for a moment; try again";
    return null;
  }

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
