import type { OfflineRequestDto } from "@parley/shared";
import { offlineCreated, offlineFailed, offlineLoaded } from "../state/offline.ts";
import type { RealtimeContext } from "./context.ts";
import { SnapshotLoader } from "./snapshot.ts";
import { command } from "./socket.ts";

/** Offline requests: the list on connect, then each new one as `offline:created` announces it. */
export class OfflineSync {
  private readonly loader: SnapshotLoader<{ requests: OfflineRequestDto[] }>;

  constructor(private readonly ctx: RealtimeContext) {
    const { socket, store } = ctx;
    this.loader = new SnapshotLoader(socket, {
      fetch: () => command(socket, "offline:list", {}),
      started: () => {},
      completed: ({ requests }) => store.update((s) => ({ ...s, offline: offlineLoaded(s.offline, requests) })),
      failed: (error) => store.update((s) => ({ ...s, offline: offlineFailed(s.offline, error) })),
    });
  }

  load(): void {
    void this.loader.load();
  }

  stop(): void {
    this.loader.stop();
  }

  onCreated(request: OfflineRequestDto): void {
    this.ctx.store.update((s) => ({ ...s, offline: offlineCreated(s.offline, request) }));
  }
}
