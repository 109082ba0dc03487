import type { TeamMemberDto } from "@parley/shared";
import { withMe } from "../state/session.ts";
import { memberUpdated, teamSyncCompleted, teamSyncFailed, teamSyncStarted } from "../state/team.ts";
import type { RealtimeContext } from "./context.ts";
import { SnapshotLoader } from "./snapshot.ts";
import { command } from "./socket.ts";

/** The site's staff: loaded on connect (everyone needs it for transfers), then kept live by `agent:updated`. */
export class TeamSync {
  private readonly loader: SnapshotLoader<{ agents: TeamMemberDto[] }>;

  constructor(private readonly ctx: RealtimeContext) {
    const { socket, store } = ctx;
    this.loader = new SnapshotLoader(socket, {
      fetch: () => command(socket, "team:list", {}),
      started: () => store.update((s) => ({ ...s, team: teamSyncStarted(s.team) })),
      completed: ({ agents }) => store.update((s) => ({ ...s, team: teamSyncCompleted(s.team, agents) })),
      failed: () => store.update((s) => ({ ...s, team: teamSyncFailed(s.team) })),
    });
  }

  load(): void {
    void this.loader.load();
  }

  stop(): void {
    this.loader.stop();
  }

  /** An `agent:updated` event, or the agent an admin command returned. */
  onMember(member: TeamMemberDto): void {
    this.ctx.store.update((s) => {
      const next = { ...s, team: memberUpdated(s.team, member) };
      return member.id === s.me.id ? withMe(next, member) : next;
    });
  }
}
