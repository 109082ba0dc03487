/**
 * Runs one routing pass per site at a time, and folds requests that arrive while a pass is waiting to
 * start into that pass: ten closes in a burst cost at most two passes, never ten, and offers within a site
 * are made in order, which keeps "least busy" honest. Across processes the atomic updates still decide.
 */
export class SiteLanes {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  run(key: string, pass: () => Promise<void>): Promise<void> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const previous = (this.running.get(key) ?? Promise.resolve()).catch(() => undefined);
    const next = previous.then(async () => {
      this.queued.delete(key);
      this.running.set(key, next);
      try {
        await pass();
      } finally {
        if (this.running.get(key) === next) this.running.delete(key);
      }
    });
    this.queued.set(key, next);
    return next;
  }

  /** Resolves when every pass started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.queued.size > 0) {
      await Promise.allSettled([...this.running.values(), ...this.queued.values()]);
    }
  }
}
