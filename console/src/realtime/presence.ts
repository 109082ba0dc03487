import type { AgentNoticeDto } from "@parley/shared";
import type { AgentStatus } from "@parley/shared/constants";
import { withMe } from "../state/session.ts";
import type { RealtimeContext } from "./context.ts";
import { command } from "./socket.ts";

/** My status (online, away, offline), my own console settings, and why the server changed my status. */
export class Presence {
  constructor(private readonly ctx: RealtimeContext) {}

  async set(status: AgentStatus): Promise<void> {
    const { socket, store } = this.ctx;
    store.update((s) => ({ ...s, presence: { pending: status, error: null } }));
    const result = await command(socket, "presence:set", { status });
    store.update((s) => {
      if (!result.ok) return { ...s, presence: { pending: null, error: result.error } };
      // Choosing a status answers the "you were set to Away" notice.
      return { ...withMe(s, result.data.me), presence: { pending: null, error: null }, agentNotice: null };
    });
  }

  /** `agent:notice`: the server did something to me (a missed offer set me Away) and says why. */
  onNotice(notice: AgentNoticeDto): void {
    this.ctx.store.update((s) => ({ ...s, agentNotice: notice }));
  }

  dismissNotice(): void {
    this.ctx.store.update((s) => ({ ...s, agentNotice: null }));
  }

  /** `me:prefs`: false when the server refused it (the setting shown stays as it was). */
  async setSound(sound: boolean): Promise<boolean> {
    const result = await command(this.ctx.socket, "me:prefs", { sound });
    if (result.ok) this.ctx.store.update((s) => withMe(s, result.data.me));
    return result.ok;
  }
}
