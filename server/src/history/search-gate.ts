import { AppError } from "../errors/app-error.ts";

/**
 * Bounds how many history reads one site runs at once on this node. On devdb every such read scans the site's whole
 * history in the same database the live chats write to, so a burst of searches queues here instead of there: at
 * most `inFlight` run, up to `waiting` more wait their turn, and anything beyond is refused as UNAVAILABLE (busy).
 */
export class SearchGate {
  private readonly sites = new Map<string, { running: number; queue: (() => void)[] }>();

  constructor(
    private readonly inFlight = 2,
    private readonly waiting = 8,
  ) {}

  async run<T>(siteKey: string, work: () => Promise<T>): Promise<T> {
    let site = this.sites.get(siteKey);
    if (!site) {
      site = { running: 0, queue: [] };
      this.sites.set(siteKey, site);
    }
    if (site.running >= this.inFlight) {
      if (site.queue.length >= this.waiting) {
        throw new AppError("UNAVAILABLE", "History search is busy; try again in a moment");
      }
      const queued = site;
      await new Promise<void>((resolve) => queued.queue.push(resolve));
    } else {
      site.running++;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `running` stays counted for it.
      const next = site.queue.shift();
      if (next) next();
      else if (--site.running === 0) this.sites.delete(siteKey);
    }
  }
}
