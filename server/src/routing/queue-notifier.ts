import type { QueueStatusDto } from "@parley/shared";
import type { Types } from "mongoose";
import { ClosedConversation, Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import type { Logger } from "../logging/logger.ts";
import type { VisitorNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { availabilityAt } from "../support-hours/availability.ts";
import { averageHandleMs, estimateWaitSeconds, HANDLE_SAMPLE_SIZE } from "./queue-estimate.ts";
import { onlineAgents, teamCapacity } from "./team-capacity.ts";

/** Changes within this window are published once: a burst of accepts sends each visitor one update. */
const DEBOUNCE_MS = 50;
/** Handling times move slowly; re-reading them on every queue change would cost a query per change. */
const HANDLE_CACHE_MS = 30_000;
/** Positions past this are not worth a push each; they still get one on their own sync. */
const MAX_NOTIFIED = 500;

/**
 * Keeps waiting visitors told where they stand (`queue:updated`) and every widget on the site told
 * whether chats can start, and if not why and until when (`site:availability`, only when it changes).
 * Everything is recomputed from the database, so an update that is missed or merged loses nothing: the
 * next one is whole.
 */
export class QueueNotifier {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly handleCache = new Map<string, { ms: number; at: number }>();
  /** What each site's widgets were last told, so only a change is pushed. */
  private readonly lastAvailability = new Map<string, string>();

  constructor(
    private readonly visitors: VisitorNamespace,
    private readonly logger: Logger,
    /** Support hours are read on the server's clock, which tests set. */
    private readonly now: () => Date,
  ) {}

  siteChanged(siteId: Types.ObjectId): void {
    const key = siteId.toHexString();
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.publish(siteId).catch((err) => this.logger.error({ err }, "queue update failed"));
    }, DEBOUNCE_MS);
    timer.unref();
    this.pending.set(key, timer);
  }

  /** Where one conversation stands now; null once it is no longer queued. */
  async statusOf(conversation: ConversationDoc): Promise<QueueStatusDto | null> {
    if (conversation.status !== "queued") return null;
    const ahead = await Conversation.countDocuments({
      site: conversation.site,
      status: "queued",
      createdAt: { $lt: conversation.createdAt },
    });
    const agents = await onlineAgents(conversation.site);
    const ringing = await Conversation.countDocuments({
      site: conversation.site,
      status: "queued",
      offeredTo: { $ne: null },
    });
    const position = ahead + 1;
    return {
      conversationId: conversation._id.toHexString(),
      position,
      estimatedWaitSeconds: estimateWaitSeconds(
        position,
        teamCapacity(agents, ringing),
        await this.handleMs(conversation.site),
      ),
      agentsOnline: agents.length,
    };
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private async publish(siteId: Types.ObjectId): Promise<void> {
    const [queued, agents, site] = await Promise.all([
      Conversation.find({ site: siteId, status: "queued" })
        .sort({ createdAt: 1 })
        .limit(MAX_NOTIFIED)
        .select({ _id: 1, visitor: 1, offeredTo: 1 })
        .lean<Pick<ConversationDoc, "_id" | "visitor" | "offeredTo">[]>(),
      onlineAgents(siteId),
      cachedSite(siteId),
    ]);
    const team = teamCapacity(agents, queued.filter((c) => c.offeredTo).length);
    const handleMs = await this.handleMs(siteId);
    queued.forEach((c, index) => {
      const position = index + 1;
      this.visitors.to(rooms.visitor(c.visitor)).emit("queue:updated", {
        conversationId: c._id.toHexString(),
        position,
        estimatedWaitSeconds: estimateWaitSeconds(position, team, handleMs),
        agentsOnline: agents.length,
      });
    });
    if (!site) return;
    // Any change counts, not only whether chats can start: a widget already showing the offline form
    // must still learn that the reason changed (closed rather than nobody online) or that the next
    // opening moved. While open, nextOpeningAt is "now" and is left out, or every publish would push.
    const availability = availabilityAt(site, agents.length, this.now());
    const key = siteId.toHexString();
    const seen = JSON.stringify({
      ...availability,
      nextOpeningAt: availability.open ? null : availability.nextOpeningAt,
    });
    if (this.lastAvailability.get(key) !== seen) {
      this.lastAvailability.set(key, seen);
      this.visitors.to(rooms.siteVisitors(siteId)).emit("site:availability", availability);
    }
  }

  private async handleMs(siteId: Types.ObjectId): Promise<number> {
    const key = siteId.toHexString();
    const cached = this.handleCache.get(key);
    if (cached && Date.now() - cached.at < HANDLE_CACHE_MS) return cached.ms;
    const recent = await ClosedConversation.find({ site: siteId, assignedAt: { $ne: null } })
      .sort({ closedAt: -1 })
      .limit(HANDLE_SAMPLE_SIZE)
      .select({ assignedAt: 1, closedAt: 1 })
      .lean<{ assignedAt: Date; closedAt: Date }[]>();
    const ms = averageHandleMs(recent.filter((r) => r.assignedAt && r.closedAt));
    this.handleCache.set(key, { ms, at: Date.now() });
    return ms;
  }
}
