import type { Types } from "mongoose";
import { type Leases, singleProcessLeases } from "../cluster/leases.ts";
import { toObjectId } from "../db/object-id.ts";
import type { Logger } from "../logging/logger.ts";
import type { VisitorNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { visitorGoneSettingsOf } from "../sites/visitor-gone-settings.ts";
import { Visitor, type VisitorDoc } from "../visitors/visitor.model.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";
import type { ConversationBroadcaster } from "./conversation-broadcaster.ts";
import type { ConversationLifecycle } from "./conversation-lifecycle.ts";

const MINUTE_MS = 60_000;

export interface VisitorGoneDeps {
  visitors: VisitorNamespace;
  lifecycle: ConversationLifecycle;
  conversations: ConversationBroadcaster;
  clock: () => Date;
  intervalMs: number;
  logger: Logger;
  leases?: Leases;
}

/**
 * Visitor gone. A chat's visitor is connected while any of their sockets is (tabs and pages, on any node:
 * fetchSockets asks every node through the adapter, as agent presence does). When the last one goes, the chat is
 * stamped `visitorDisconnectedAt` on the server's clock; a connection clears it again.
 *
 * A sweep under a lease (one node does it) looks over the open chats every `intervalMs`: a visitor away for the
 * site's `leftAfterMinutes` is marked `visitorLeftAt` ("Visitor left" in the console and on the wall); a queued chat
 * whose visitor left is withdrawn as abandoned; an active one closes itself after `closeAfterMinutes` more without a
 * message from anyone. The sweep reads every open chat: that collection holds only what is live (queued and active
 * chats, bounded by agents' capacity and the queue), and on devdb any query but a primary-key one reads all of it
 * anyway. Every write is a compare-and-set on what the sweep saw, so a return or a message at the same moment wins.
 * None of them moves `updatedAt`: the console shows it as the chat's last activity, and a connection is not one.
 */
export class VisitorGoneWatch {
  private timer: NodeJS.Timeout | null = null;
  private readonly leases: Leases;

  constructor(readonly deps: VisitorGoneDeps) {
    this.leases = deps.leases ?? singleProcessLeases;
  }

  start(): void {
    this.timer = setInterval(() => {
      void (async () => {
        if (!(await this.leases.hold("visitor-gone", this.deps.intervalMs * 3))) return;
        await this.sweep();
      })().catch((err) => this.deps.logger.warn({ err }, "visitor-gone sweep failed"));
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A visitor socket connected: their open chat, if it was marked gone, is theirs again ("visitor back"). */
  async connected(visitorId: string, attempts = 3): Promise<void> {
    const chat = await this.openChatOf(visitorId);
    if (!chat || (!chat.visitorDisconnectedAt && !chat.visitorLeftAt)) return;
    const back = await Conversation.findOneAndUpdate(
      {
        _id: chat._id,
        status: { $ne: "closed" },
        visitorDisconnectedAt: chat.visitorDisconnectedAt ?? null,
        visitorLeftAt: chat.visitorLeftAt ?? null,
      },
      { $set: { visitorDisconnectedAt: null, visitorLeftAt: null } },
      { returnDocument: "after", timestamps: false },
    ).lean<ConversationDoc>();
    // Lost the race to another write of the flags (a second tab, the sweep): look again with what is stored now.
    if (!back) return attempts > 1 ? this.connected(visitorId, attempts - 1) : undefined;
    if (chat.visitorLeftAt) this.deps.conversations.conversationChanged(back);
  }

  /** A visitor socket went away: if it was their last, on every node, their open chat is stamped. */
  async disconnected(visitorId: string): Promise<void> {
    if (await this.present(visitorId)) return;
    const chat = await this.openChatOf(visitorId);
    if (chat) await this.stampGone(chat);
  }

  /** One look over the open chats at the clock's time (the timer's round; tests call it after moving their clock). */
  async sweep(): Promise<void> {
    const open = await Conversation.find({ status: { $in: ["queued", "active"] } }).lean<ConversationDoc[]>();
    for (const chat of open) {
      await this.sweepChat(chat).catch((err) =>
        this.deps.logger.warn({ err, conversation: chat._id }, "visitor-gone check failed"),
      );
    }
  }

  private async sweepChat(seen: ConversationDoc): Promise<void> {
    let chat = seen;
    const disconnectedAt = chat.visitorDisconnectedAt;
    if (!disconnectedAt) {
      // A disconnect lost with a node that died, or never delivered: nobody would ever stamp this chat.
      if (!(await this.present(chat.visitor.toHexString()))) await this.stampGone(chat);
      return;
    }
    const settings = visitorGoneSettingsOf((await cachedSite(chat.site)) ?? {});
    const now = this.deps.clock();
    const away = now.getTime() - disconnectedAt.getTime();
    if (!chat.visitorLeftAt) {
      if (away < settings.leftAfterMinutes * MINUTE_MS) return;
      const left = await Conversation.findOneAndUpdate(
        { _id: chat._id, status: chat.status, visitorDisconnectedAt: disconnectedAt, visitorLeftAt: null },
        { $set: { visitorLeftAt: now } },
        { returnDocument: "after", timestamps: false },
      ).lean<ConversationDoc>();
      if (!left) return;
      this.deps.conversations.conversationChanged(left);
      chat = left;
    }
    const minutes = Math.floor(away / MINUTE_MS);
    // A message left outside support hours was left to be answered later, visitor gone or not.
    if (chat.status === "queued" && chat.leftMessage) return;
    if (chat.status === "queued") {
      // Nobody answered and nobody will be read: it leaves the queue (its ringing offer ends with the close).
      await this.deps.lifecycle.autoClose(
        chat,
        "abandoned",
        `Closed automatically: the visitor left the queue ${minutes} minutes ago, before an answer`,
      );
      return;
    }
    const quietSince = lastActivity(chat);
    if (now.getTime() - quietSince.getTime() < settings.closeAfterMinutes * MINUTE_MS) return;
    await this.deps.lifecycle.autoClose(
      chat,
      "visitor_left",
      `Closed automatically: the visitor left ${minutes} minutes ago`,
    );
  }

  /** Stamps the chat as disconnected now, unless stamped already; a socket that came meanwhile undoes it. */
  private async stampGone(chat: ConversationDoc): Promise<void> {
    const stamped = await Conversation.updateOne(
      { _id: chat._id, status: { $ne: "closed" }, visitorDisconnectedAt: null },
      { $set: { visitorDisconnectedAt: this.deps.clock() } },
      { timestamps: false },
    );
    // A tab that connected between the socket check and the write found nothing to clear: look once more.
    if (stamped.modifiedCount > 0 && (await this.present(chat.visitor.toHexString())))
      await this.connected(chat.visitor.toHexString());
  }

  private async present(visitorId: string): Promise<boolean> {
    return (await this.deps.visitors.in(rooms.visitor(visitorId)).fetchSockets()).length > 0;
  }

  /** The visitor's open chat, by primary keys: their pointer to it, then the chat. */
  private async openChatOf(visitorId: string): Promise<ConversationDoc | null> {
    const visitor = await Visitor.findById(toObjectId(visitorId))
      .select({ lastConversation: 1 })
      .lean<Pick<VisitorDoc, "lastConversation">>();
    const id = visitor?.lastConversation as Types.ObjectId | null | undefined;
    if (!id) return null;
    const chat = await Conversation.findById(id).lean<ConversationDoc>();
    return chat && chat.status !== "closed" ? chat : null;
  }
}

/** The latest of: the visitor leaving, a message from anyone, the chat being taken. */
function lastActivity(c: ConversationDoc): Date {
  const times = [c.visitorLeftAt, c.lastVisitorMessageAt, c.lastAgentMessageAt, c.lastMessage?.at, c.assignedAt];
  return new Date(Math.max(...times.map((t) => t?.getTime() ?? 0)));
}
