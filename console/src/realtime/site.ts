import type { SiteSettingsDto } from "@parley/shared";
import { siteSyncCompleted, siteSyncFailed, siteSyncStarted, siteUpdated } from "../state/site.ts";
import type { RealtimeContext } from "./context.ts";
import { SnapshotLoader } from "./snapshot.ts";
import { command } from "./socket.ts";

/** The site's settings (product names, routing mode, hours): loaded on connect, live by `site:updated`. */
export class SiteSync {
  private readonly loader: SnapshotLoader<{ site: SiteSettingsDto }>;

  constructor(private readonly ctx: RealtimeContext) {
    const { socket, store } = ctx;
    this.loader = new SnapshotLoader(socket, {
      fetch: () => command(socket, "site:get", {}),
      started: () => store.update((s) => ({ ...s, site: siteSyncStarted(s.site) })),
      completed: ({ site }) => store.update((s) => ({ ...s, site: siteSyncCompleted(s.site, site) })),
      failed: () => store.update((s) => ({ ...s, site: siteSyncFailed(s.site) })),
    });
  }

  load(): void {
    void this.loader.load();
  }

  stop(): void {
    this.loader.stop();
  }

  onSettings(settings: SiteSettingsDto): void {
    this.ctx.store.update((s) => ({ ...s, site: siteUpdated(s.site, settings) }));
  }
}
