import type { SupervisionSettings, WallAlertDto } from "@parley/shared";
import type { Types } from "mongoose";
import { type Leases, singleProcessLeases } from "../cluster/leases.ts";
import { Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { toObjectId } from "../db/object-id.ts";
import type { Logger } from "../logging/logger.ts";
import type { SharedOpenChat, StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { supervisionSettingsOf } from "../sites/supervision-settings.ts";

/** What the watch needs of an open chat; kept in memory, so a check costs no database query. */
interface OpenChat {
  id: string;
  site: Types.ObjectId;
  status: ConversationDoc["status"];
  visitorName: string;
  createdAt: Date;
  lastVisitorMessageAt: Date | null;
  lastAgentMessageAt: Date | null;
  assignedAt: Date | null;
}

const toShared = (c: OpenChat): SharedOpenChat => ({
  id: c.id,
  site: c.site.toHexString(),
  status: c.status,
  visitorName: c.visitorName,
  createdAt: c.createdAt.toISOString(),
  lastVisitorMessageAt: c.lastVisitorMessageAt?.toISOString() ?? null,
  lastAgentMessageAt: c.lastAgentMessageAt?.toISOString() ?? null,
  assignedAt: c.assignedAt?.toISOString() ?? null,
});

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
const fromShared = (c: SharedOpenChat): OpenChat => ({
  id: c.id,
  site: toObjectId(c.site),
  status: c.status,
  visitorName: c.visitorName,
  createdAt: new Date(c.createdAt),
  lastVisitorMessageAt: date(c.lastVisitorMessageAt),
  lastAgentMessageAt: date(c.lastAgentMessageAt),
  assignedAt: date(c.assignedAt),
});

const openChatOf = (c: ConversationDoc): OpenChat => ({
  id: c._id.toHexString(),
  site: c.site,
  status: c.status,
  visitorName: c.visitorName,
  createdAt: c.createdAt,
  lastVisitorMessageAt: c.lastVisitorMessageAt ?? null,
  assignedAt: c.assignedAt ?? null,
  lastAgentMessageAt: c.lastAgentMessageAt ?? null,
});

/** The visitor spoke last (or no agent has yet): since when they wait for an answer, else null. */
export function waitingForAnswerSince(c: Pick<OpenChat, "lastVisitorMessageAt" | "lastAgentMessageAt">): Date | null {
  if (!c.lastVisitorMessageAt) return null;
  if (c.lastAgentMessageAt && c.lastAgentMessageAt >= c.lastVisitorMessageAt) return null;
  return c.lastVisitorMessageAt;
}

/** The alerts a chat deserves at `now` under the site's thresholds. Pure. */
export function alertsFor(c: OpenChat, settings: SupervisionSettings, now: Date): WallAlertDto[] {
  const waited = (since: Date) => Math.floor((now.getTime() - since.getTime()) / 1000);
  const minutes = (seconds: number) => (seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`);
  if (c.status === "queued" && waited(c.createdAt) >= settings.queueWaitAlertSeconds) {
    return [
      {
        id: `queue_wait:${c.id}`,
        kind: "queue_wait",
        conversationId: c.id,
        visitorName: c.visitorName,
        since: c.createdAt.toISOString(),
        text: `${c.visitorName} has waited in the queue for more than ${minutes(settings.queueWaitAlertSeconds)}`,
        active: true,
      },
    ];
  }
  // The agent answers for the wait since they took the chat; time in the queue is the queue alert's.
  const asked = c.status === "active" ? waitingForAnswerSince(c) : null;
  const since = asked && c.assignedAt && c.assignedAt > asked ? c.assignedAt : asked;
  if (since && waited(since) >= settings.unansweredAlertSeconds) {
    return [
      {
        id: `unanswered:${c.id}`,
        kind: "unanswered",
        conversationId: c.id,
        visitorName: c.visitorName,
        since: since.toISOString(),
        text: `${c.visitorName} has waited for an answer for more than ${minutes(settings.unansweredAlertSeconds)}`,
        active: true,
      },
    ];
  }
  return [];
}

/**
 * Raises and clears the wall's chat alerts: a chat waiting in the queue, or a visitor waiting for an
 * answer, longer than the site's threshold. Open chats are mirrored in memory from the conversation
 * broadcasts (seeded from the database at start), so each check is arithmetic, not a query; an alert
 * clears as soon as the chat is answered, taken or closed.
 */
export class ChatAlertWatch {
  private readonly chats = new Map<string, OpenChat>();
  /** Raised alerts by site, then by alert id. */
  private readonly raised = new Map<string, { site: Types.ObjectId; alerts: Map<string, WallAlertDto> }>();
  private timer: NodeJS.Timeout | null = null;

  /** Whether this node emits the alerts: the one holding the "chat-alerts" lease does. */
  private leading = false;

  /**
   * With several nodes (`shared`), every node mirrors every chat, told of the others' changes through the adapter,
   * so each can answer a wall snapshot; only the lease holder emits alerts, so each is raised once.
   */
  constructor(
    private readonly staff: StaffNamespace,
    private readonly clock: () => Date,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly leases: Leases = singleProcessLeases,
    private readonly shared = false,
  ) {
    if (shared) staff.on("chat:changed", (chat) => this.mirror(fromShared(chat)));
  }

  async start(): Promise<void> {
    const open = await Conversation.find({ status: { $in: ["queued", "active"] } }).lean<ConversationDoc[]>();
    // Changes broadcast while this read ran are newer than what it found: they win.
    for (const c of open) if (!this.chats.has(c._id.toHexString())) this.chats.set(c._id.toHexString(), openChatOf(c));
    this.timer = setInterval(
      () => void this.check().catch((err) => this.logger.warn({ err }, "chat alert check failed")),
      this.intervalMs,
    );
    this.timer.unref();
    await this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A conversation changed (created, assigned, a message, closed): mirror it, and clear what no longer holds. */
  changed(conversation: ConversationDoc): void {
    const chat = openChatOf(conversation);
    if (this.shared) this.staff.serverSideEmit("chat:changed", toShared(chat));
    this.mirror(chat);
  }

  private mirror(chat: OpenChat): void {
    if (chat.status === "closed") this.chats.delete(chat.id);
    else this.chats.set(chat.id, chat);
    void this.checkChat(chat.site, chat.id).catch((err) => this.logger.warn({ err }, "chat alert check failed"));
  }

  /** The alerts raised on a site now (the wall's snapshot). */
  activeFor(site: Types.ObjectId): WallAlertDto[] {
    return [...(this.raised.get(site.toHexString())?.alerts.values() ?? [])];
  }

  /** One check of every site with open chats or raised alerts, at the clock's time. */
  async check(): Promise<void> {
    this.leading = await this.leases.hold("chat-alerts", this.intervalMs * 3);
    const sites = new Map<string, Types.ObjectId>();
    for (const c of this.chats.values()) sites.set(c.site.toHexString(), c.site);
    for (const [key, { site }] of this.raised) sites.set(key, site);
    for (const site of sites.values()) await this.checkSite(site);
  }

  /** Every open chat of the site (the timer's check: waits grow with time alone). */
  private checkSite(site: Types.ObjectId): Promise<void> {
    const key = site.toHexString();
    return this.reconcile(
      site,
      [...this.chats.values()].filter((c) => c.site.toHexString() === key),
      () => true,
    );
  }

  /** One chat that changed: a message or a change of hands touches its own alerts only, whatever the floor's size. */
  private checkChat(site: Types.ObjectId, chatId: string): Promise<void> {
    const chat = this.chats.get(chatId);
    return this.reconcile(site, chat ? [chat] : [], (alert) => alert.conversationId === chatId);
  }

  /** Raises what `chats` deserve now and clears the raised alerts in scope that they no longer do. */
  private async reconcile(
    site: Types.ObjectId,
    chats: readonly OpenChat[],
    inScope: (alert: WallAlertDto) => boolean,
  ): Promise<void> {
    const key = site.toHexString();
    const settings = await this.settingsOf(site);
    const now = this.clock();
    const wanted = new Map<string, WallAlertDto>();
    for (const c of chats) for (const alert of alertsFor(c, settings, now)) wanted.set(alert.id, alert);
    const raised = this.raised.get(key)?.alerts ?? new Map<string, WallAlertDto>();
    for (const [id, alert] of raised) {
      if (wanted.has(id) || !inScope(alert)) continue;
      raised.delete(id);
      this.emit(site, { ...alert, active: false });
    }
    for (const [id, alert] of wanted) {
      if (raised.has(id)) continue;
      raised.set(id, alert);
      this.emit(site, alert);
    }
    if (raised.size > 0) this.raised.set(key, { site, alerts: raised });
    else this.raised.delete(key);
  }

  private emit(site: Types.ObjectId, alert: WallAlertDto): void {
    if (!this.leading) return;
    this.staff.to(rooms.siteLeads(site)).emit("wall:alert", alert);
  }

  /** Read each time (from the site cache, which forgets on every change), so new thresholds apply at the next check. */
  private async settingsOf(site: Types.ObjectId): Promise<SupervisionSettings> {
    return supervisionSettingsOf((await cachedSite(site)) ?? {});
  }
}
