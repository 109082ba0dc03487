import { randomBytes } from "node:crypto";
import type { ConversationStartInput } from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorDoc } from "../visitors/visitor.model.ts";
import { Visitor } from "../visitors/visitor.model.ts";
import { Conversation, type ConversationDoc, closedKeyFor, openKeyFor } from "./conversation.model.ts";
import type { ConversationBroadcaster } from "./conversation-broadcaster.ts";
import type { MessageDoc } from "./message.model.ts";
import { type AppendResult, appendMessage } from "./message-store.ts";

/** What the lifecycle asks of routing without depending on it. */
export interface LifecycleHooks {
  /** Throws (SUPPORT_OFFLINE) when a new chat may not start on the site now. */
  admit(siteId: Types.ObjectId): Promise<void>;
  /** A new chat joined the queue. */
  queued(conversation: ConversationDoc): Promise<void>;
  /** A chat closed: its owner's capacity frees up. */
  closed(conversation: ConversationDoc): Promise<void>;
}

export class ConversationLifecycle {
  private hooks: LifecycleHooks = { admit: async () => {}, queued: async () => {}, closed: async () => {} };

  constructor(private readonly broadcaster: ConversationBroadcaster) {}

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
    visitor: VisitorDoc,
    input: ConversationStartInput,
    product: string | null,
  ): Promise<{ conversation: ConversationDoc; message: MessageDoc }> {
    const email = input.email ?? null;
    await Visitor.updateOne({ _id: visitor._id }, { $set: { name: input.name, email } });

    let conversation = await Conversation.findOne({ openKey: openKeyFor(visitor._id) }).lean<ConversationDoc>();
    let created = false;
    if (!conversation) {
      // Only a new chat needs support to be open: a retry of a start that got through must still land.
      await this.hooks.admit(visitor.site);
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
        });
        conversation = doc.toObject() as ConversationDoc;
        created = true;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        conversation = await Conversation.findOne({ openKey: openKeyFor(visitor._id) }).lean<ConversationDoc>();
        if (!conversation) throw err;
      }
    }

    const appended = await appendMessage({
      conversationId: conversation._id,
      clientMsgId: input.clientMsgId,
      author: { kind: "visitor", id: null, name: input.name },
      body: input.body,
    });
    const latest = appended.conversation ?? conversation;
    if (created) this.broadcaster.conversationChanged(latest);
    this.announce(appended);
    // The ack waits for the routing pass, so when a visitor's start is answered their chat is already
    // ringing someone (or known to be waiting): the console and the tests see one settled state.
    if (created) await this.hooks.queued(latest);
    return { conversation: latest, message: appended.message };
  }

  /** Stores a message and broadcasts it only if it is new, so retries are silent. */
  async post(input: Parameters<typeof appendMessage>[0]): Promise<MessageDoc> {
    const appended = await appendMessage(input);
    this.announce(appended);
    return appended.message;
  }

  /** A note from Parley itself in the transcript ("Ana joined the chat"); `internal` ones only staff see. */
  async postSystem(conversationId: Types.ObjectId, body: string, opts: { internal?: boolean } = {}): Promise<void> {
    await this.post({
      conversationId,
      clientMsgId: systemMessageId(),
      author: { kind: "system", id: null, name: "Parley" },
      body,
      internal: opts.internal ?? false,
    });
  }

  /** Writes a closing note into the transcript, then closes; a closed conversation accepts no more messages. */
  async close(conversation: ConversationDoc, closedBy: AgentDoc): Promise<ConversationDoc> {
    await this.postSystem(conversation._id, `${closedBy.name} closed the chat`);
    const closed = await Conversation.findOneAndUpdate(
      { _id: conversation._id, status: { $ne: "closed" } },
      { $set: { status: "closed", closedAt: new Date(), openKey: closedKeyFor(conversation._id) } },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!closed) throw new AppError("CONVERSATION_CLOSED", "This conversation is already closed");
    this.broadcaster.conversationChanged(closed);
    await this.hooks.closed(closed);
    return closed;
  }

  private announce(appended: AppendResult): void {
    if (appended.conversation) this.broadcaster.messageCreated(appended.conversation, appended.message);
  }
}

function systemMessageId(): string {
  return `sys_${randomBytes(12).toString("hex")}`;
}
