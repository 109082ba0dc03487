import { AppError } from "../errors/app-error.ts";

/**
 * Bounds how many History searches one site runs at once on this node: they read the same database the live chats
 * write to, so a burst of searches queues here instead of there. One runs, up to three wait their turn (a page
 * reads for at most HISTORY_PAGE_MS, so the last still gets its answer within the console's 10 s), and anything
 * beyond is refused as UNAVAILABLE ("busy; try again"). Measured (server/bench/history.bench.ts): two at once
 * doubled the live chats' ack time again for no faster search.
 */
export class SearchGate {
  private readonly sites = new Map<string, { running: number; queue: (() => void)[] }>();

  constructor(
    private readonly inFlight = 1,
    private readonly waiting = 3,
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
