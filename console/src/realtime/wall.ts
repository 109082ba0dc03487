import type { StatsDto, StatsRange, WallDto } from "@parley/shared";
import { isLead } from "../state/roles.ts";
import {
  type WallEvent,
  wallEventReceived,
  wallSyncCompleted,
  wallSyncFailed,
  wallSyncStarted,
} from "../state/wall.ts";
import type { RealtimeContext } from "./context.ts";
import { SnapshotLoader } from "./snapshot.ts";
import { type CommandResult, command } from "./socket.ts";

/**
 * The supervisors' wall: the whole floor from `wall:sync` on every (re)connect (pushes sent while the
 * socket was down are lost), then kept live by the pushes the session hands on. Agents are not sent the
 * wall (the server refuses them), so for them this does nothing.
 */
export class WallSync {
  private readonly loader: SnapshotLoader<WallDto>;

  constructor(private readonly ctx: RealtimeContext) {
    const { socket, store } = ctx;
    this.loader = new SnapshotLoader(socket, {
      fetch: () => command(socket, "wall:sync", {}),
      started: () => store.update((s) => ({ ...s, wall: wallSyncStarted(s.wall) })),
      completed: (wall) => store.update((s) => ({ ...s, wall: wallSyncCompleted(s.wall, wall, Date.now()) })),
      failed: (error) => store.update((s) => ({ ...s, wall: wallSyncFailed(s.wall, error) })),
    });
  }

  /** On connect: leads only (the role is re-read by every inbox sync; a promotion shows after a reconnect). */
  load(): void {
    if (isLead(this.ctx.store.get().me)) void this.loader.load();
  }

  stop(): void {
    this.loader.stop();
  }

  on(event: WallEvent): void {
    if (!isLead(this.ctx.store.get().me)) return;
    this.ctx.store.update((s) => ({ ...s, wall: wallEventReceived(s.wall, event) }));
  }

  /** The figures page reads these on demand; they are not kept in the store. */
  stats(range: StatsRange): Promise<CommandResult<{ stats: StatsDto }>> {
    return command(this.ctx.socket, "stats:get", { range });
  }
}
