import { randomBytes } from "node:crypto";
import type { ConversationStartInput } from "@parley/shared";
import { CLOSE_REASON_LABELS, type CloseReason, type StaffCloseReason } from "@parley/shared/constants";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorDoc } from "../visitors/visitor.model.ts";
import { Visitor } from "../visitors/visitor.model.ts";
import { Conversation, type ConversationDoc, closedKeyFor, openKeyFor } from "./conversation.model.ts";
import { type ArchiveHook, archiveConversation } from "./conversation-archive.ts";
import type { ConversationBroadcaster } from "./conversation-broadcaster.ts";
import type { ConversationEvents } from "./conversation-events.ts";
import type { MessageDoc } from "./message.model.ts";
import { MessageLog, type StallGuard } from "./message-log.ts";
import { previewOf } from "./message-preview.ts";
import type { NewMessage } from "./message-store.ts";

/** What the lifecycle asks of routing without depending on it. */
export interface LifecycleHooks {
  /** Throws (SUPPORT_OFFLINE) when a new chat may not start on the site now; `afterHours`: see ConversationStartInput. */
  admit(siteId: Types.ObjectId, afterHours: boolean): Promise<void>;
  /** A new chat joined the queue. */
  queued(conversation: ConversationDoc): Promise<void>;
  /** A chat closed: its owner's capacity frees up, and so does the slot of an offer that was ringing. */
  closed(conversation: ConversationDoc, ringing: Types.ObjectId | null): Promise<void>;
}

export class ConversationLifecycle {
  private hooks: LifecycleHooks = { admit: async () => {}, queued: async () => {}, closed: async () => {} };
  /** The ordering point every message goes through. */
  readonly log: MessageLog;

  constructor(
    private readonly broadcaster: ConversationBroadcaster,
    private readonly archived: ArchiveHook,
    stall?: StallGuard,
    private readonly events?: ConversationEvents,
  ) {
    this.log = new MessageLog((conversation, message) => {
      broadcaster.messageCreated(conversation, message);
      events?.emit("message.stored", { conversation, message });
    }, stall);
  }

  /** Routing is built on top of the lifecycle, so it plugs in afterwards. */
  connect(hooks: LifecycleHooks): void {
    this.hooks = hooks;
  }

  /**
   * Opens the visitor's conversation (or reuses the one already open) and stores the
   * first message. Safe to retry: the open-key index allows one open conversation per
   * visitor and the message is keyed by its clientMsgId.
   */
  async start(
    visitor: Pick<VisitorDoc, "_id" | "site">,
    input: ConversationStartInput,
    product: string | null,
  ): Promise<{ conversation: ConversationDoc; message: MessageDoc }> {
    const email = input.email ?? null;
    const fresh = await Visitor.findByIdAndUpdate(
      visitor._id,
      { $set: { name: input.name, email } },
      { returnDocument: "after" },
    ).lean<Pick<VisitorDoc, "lastConversation">>();
    let conversation = fresh?.lastConversation
      ? await Conversation.findById(fresh.lastConversation).lean<ConversationDoc>()
      : null;
    if (conversation?.status === "closed") conversation = null;
    let created = false;
    if (!conversation) {
      // Only a new chat needs support to be open: a retry of a start that got through must still land.
      await this.hooks.admit(visitor.site, input.afterHours === true);
      try {
        const doc = await Conversation.create({
          site: visitor.site,
          visitor: visitor._id,
          visitorName: input.name,
          visitorEmail: email,
          environment: input.environment,
          status: "queued",
          product,
          openKey: openKeyFor(visitor._id),
          preview: previewOf(input.body),
          leftMessage: input.afterHours === true,
        });
        conversation = doc.toObject() as ConversationDoc;
        created = true;
        this.events?.emit("conversation.started", { conversation });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Another tab's start won the open key (or the pointer was not written yet): a scan of open chats only.
        conversation = await Conversation.findOne({ openKey: openKeyFor(visitor._id) }).lean<ConversationDoc>();
        if (!conversation) throw err;
      }
      await Visitor.updateOne({ _id: visitor._id }, { $set: { lastConversation: conversation._id } });
    }

    this.log.remember(conversation);
    const appended = await this.log.append({
      conversationId: conversation._id,
      clientMsgId: input.clientMsgId,
      author: { kind: "visitor", id: null, name: input.name },
      body: input.body,
    });
    const latest = appended.conversation ?? conversation;
    if (created) this.broadcaster.conversationChanged(latest);
    // The ack waits for the routing pass, so when a visitor's start is answered their chat is already
    // ringing someone (or known to be waiting): the console and the tests see one settled state.
    if (created) await this.hooks.queued(latest);
    return { conversation: latest, message: appended.message };
  }

  /** Stores a message and broadcasts it only if it is new, so retries are silent. */
  async post(input: NewMessage): Promise<MessageDoc> {
    return (await this.log.append(input)).message;
  }

  /** A note from Parley itself in the transcript ("Ana joined the chat"); `internal` ones only staff see. */
  async postSystem(conversationId: Types.ObjectId, body: string, opts: { internal?: boolean } = {}): Promise<void> {
    await this.post(systemMessage(conversationId, body, opts.internal ?? false));
  }

  /**
   * Writes a closing note into the transcript, then closes; a closed conversation accepts no more messages. Runs
   * alone on the conversation's message log, so no message lands between the note and the close.
   */
  close(
    conversation: ConversationDoc,
    closedBy: AgentDoc,
    reason: StaffCloseReason = "resolved",
  ): Promise<ConversationDoc> {
    return this.log.exclusive(conversation._id, async () => {
      await this.log.appendNow(systemMessage(conversation._id, `${closedBy.name} closed the chat`, false));
      // Why, for staff only: "Spam" or "No reply" is the team's judgement, not something to tell the visitor.
      await this.log.appendNow(systemMessage(conversation._id, `Closed as: ${CLOSE_REASON_LABELS[reason]}`, true));
      const closed = await this.end(conversation._id, reason, {});
      if (!closed) throw new AppError("CONVERSATION_CLOSED", "This conversation is already closed");
      return closed;
    });
  }

  /**
   * Closes a chat on Parley's own account (its visitor left), only if it is still exactly as `seen`:
   * same status, no message since, the visitor still away. A visitor who comes back or a message that arrives at
   * the same moment wins, and the chat stays open. Null when it did.
   */
  autoClose(
    seen: ConversationDoc,
    reason: "visitor_left" | "abandoned",
    note: string,
  ): Promise<ConversationDoc | null> {
    return this.log.exclusive(seen._id, async () => {
      const unchanged = {
        status: seen.status,
        lastSeq: seen.lastSeq,
        visitorDisconnectedAt: seen.visitorDisconnectedAt ?? null,
        visitorLeftAt: seen.visitorLeftAt ?? null,
      };
      // Checked before the note, so a chat that moved on gets no stray note; messages from this process wait on
      // the log meanwhile, and the close below checks again for those of other processes and for a return.
      if (!(await Conversation.exists({ _id: seen._id, ...unchanged }))) return null;
      const { message } = await this.log.appendNow(systemMessage(seen._id, note, false));
      // A message from another process landed between the check and the note: it wins (the note stays, alone).
      if (message.seq !== seen.lastSeq + 1) return null;
      return this.end(seen._id, reason, { ...unchanged, lastSeq: message.seq });
    });
  }

  /** The close itself: one compare-and-set, then capacity, broadcasts and the history. Null if it lost. */
  private async end(
    id: Types.ObjectId,
    reason: CloseReason,
    unchanged: Record<string, unknown>,
  ): Promise<ConversationDoc | null> {
    const closedAt = new Date();
    const ended = { status: "closed" as const, closedAt, openKey: closedKeyFor(id), closeReason: reason };
    // The offer ringing, if any, ends in the same update: whoever wins the close gives its slot back.
    const before = await Conversation.findOneAndUpdate(
      { _id: id, status: { $ne: "closed" }, ...unchanged },
      { $set: { ...ended, offeredTo: null, offeredToName: null, offerExpiresAt: null } },
      { returnDocument: "before" },
    ).lean<ConversationDoc>();
    if (!before) return null;
    const closed: ConversationDoc = {
      ...before,
      ...ended,
      offeredTo: null,
      offeredToName: null,
      offerExpiresAt: null,
      updatedAt: closedAt,
    };
    this.broadcaster.conversationChanged(closed);
    this.events?.emit("conversation.closed", { conversation: closed });
    await this.hooks.closed(closed, before.offeredTo ?? null);
    await archiveConversation(closed, this.archived);
    return closed;
  }
}

function systemMessage(conversationId: Types.ObjectId, body: string, internal: boolean): NewMessage {
  return {
    conversationId,
    clientMsgId: `sys_${randomBytes(12).toString("hex")}`,
    author: { kind: "system", id: null, name: "Parley" },
    body,
    internal,
  };
}
