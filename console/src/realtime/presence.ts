import type { TeamMemberDto } from "@parley/shared";
import type { AgentStatus } from "@parley/shared/constants";
import { offersFor } from "../state/offers.ts";
import { isMissedOfferAway, MISSED_OFFER_NOTICE } from "../state/presence.ts";
import { type SessionState, withMe, withNotice } from "../state/session.ts";
import type { RealtimeContext } from "./context.ts";
import { command } from "./socket.ts";

/** My status (online, away, offline), and telling me when the server changed it for me. */
export class Presence {
  private ringing = false;
  private offerEndedAt = Number.NEGATIVE_INFINITY;
  private readonly unsubscribe: () => void;

  constructor(private readonly ctx: RealtimeContext) {
    this.unsubscribe = ctx.store.subscribe((s) => this.watchOffers(s));
  }

  stop(): void {
    this.unsubscribe();
  }

  async set(status: AgentStatus): Promise<void> {
    const { socket, store } = this.ctx;
    store.update((s) => ({ ...s, presence: { pending: status, error: null } }));
    const result = await command(socket, "presence:set", { status });
    store.update((s) => {
      if (!result.ok) return { ...s, presence: { pending: null, error: result.error } };
      const next = { ...withMe(s, result.data.me), presence: { pending: null, error: null } };
      // Choosing a status answers the "you were set to away" notice.
      return s.notice?.text === MISSED_OFFER_NOTICE ? withNotice(next, null) : next;
    });
  }

  /** Call before the update is applied: it compares against the status shown until now. */
  onMember(member: TeamMemberDto): void {
    const s = this.ctx.store.get();
    if (member.id !== s.me.id) return;
    const missed = isMissedOfferAway({
      before: s.me.status,
      after: member.status,
      requestedHere: s.presence.pending !== null,
      offerRinging: this.ringing,
      msSinceOfferEnded: Date.now() - this.offerEndedAt,
    });
    if (missed) this.ctx.store.update((state) => withNotice(state, MISSED_OFFER_NOTICE));
  }

  private watchOffers(s: SessionState): void {
    const ringing = offersFor(s.inbox.waiting, s.me.id).length > 0;
    if (this.ringing && !ringing) this.offerEndedAt = Date.now();
    this.ringing = ringing;
  }
}
