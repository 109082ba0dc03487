import type { TransferInput } from "@parley/shared";
import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { findConversation } from "../conversations/conversation-archive.ts";
import type { ConversationBroadcaster } from "../conversations/conversation-broadcaster.ts";
import type { ConversationEvents } from "../conversations/conversation-events.ts";
import type { ConversationLifecycle } from "../conversations/conversation-lifecycle.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { cachedSite } from "../sites/site-cache.ts";
import type { AgentBroadcaster } from "./agent-broadcaster.ts";
import { giveBackSlot, takeSlot } from "./agent-slots.ts";
import type { OfferRouter } from "./offer-router.ts";

/**
 * Who owns a chat: accepting, transferring, and giving slots back when a chat ends. Every change of owner
 * is one compare-and-set on the conversation (its status and current owner in the filter), so of any
 * number of concurrent attempts, in any number of processes, exactly one takes effect.
 */
export class Assignment {
  constructor(
    private readonly lifecycle: ConversationLifecycle,
    private readonly router: OfferRouter,
    private readonly conversations: ConversationBroadcaster,
    private readonly agents: AgentBroadcaster,
    private readonly events?: ConversationEvents,
  ) {}

  /**
   * An agent takes a queued chat: one offered to them (its slot is already theirs), or, unoffered, one
   * picked from the queue (manual mode, or a chat every online agent declined), which takes a slot now.
   */
  async accept(agent: AgentDoc, conversationId: Types.ObjectId): Promise<ConversationDoc> {
    const current = await findConversation(conversationId);
    if (!current?.site.equals(agent.site)) throw new AppError("NOT_FOUND", "Conversation not found");
    if (current.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
    const offeredToMe = current.offeredTo?.equals(agent._id) === true;
    if (!offeredToMe) await this.takeSlotOrRefuse(agent);

    const won = await Conversation.findOneAndUpdate(
      { _id: conversationId, site: agent.site, status: "queued", offeredTo: offeredToMe ? agent._id : null },
      {
        $set: {
          status: "active",
          assignee: agent._id,
          assigneeName: agent.name,
          assignedAt: new Date(),
          hadAgent: true,
          offeredTo: null,
          offeredToName: null,
          offerExpiresAt: null,
        },
      },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!won) {
      if (!offeredToMe) await this.giveBack(agent._id);
      throw await this.whyNotAccepted(agent, conversationId, offeredToMe);
    }
    if (offeredToMe) this.router.offerAccepted(won._id);
    this.conversations.conversationChanged(won);
    await this.refuseIfDisabledMeanwhile(agent, won);
    // After that check: a chat handed straight back to the queue was never theirs to announce.
    this.events?.emit("conversation.assigned", { conversation: won });
    await this.note(won._id, `${agent.name} joined the chat`);
    return won;
  }

  /**
   * Hands an active chat to a colleague (at once, if they are online with a free slot) or back to the queue
   * for a product team, with an optional note only staff see. The visitor is told who took over.
   */
  async transfer(by: AgentDoc, conversation: ConversationDoc, input: TransferInput): Promise<ConversationDoc> {
    const from = conversation.assignee;
    if (conversation.status !== "active" || !from) {
      throw new AppError("CONFLICT", "Only a chat someone is handling can be transferred");
    }
    // The visitor is told who moved their chat: its agent, or the supervisor who stepped in.
    const actor = by._id.equals(from) ? (conversation.assigneeName ?? by.name) : by.name;
    const moved =
      input.to.kind === "agent"
        ? await this.transferToAgent(conversation, from, toObjectId(input.to.agentId), actor)
        : await this.transferToTeam(conversation, from, input.to.productId, actor);
    await this.giveBack(from);
    if (input.note) await this.note(moved._id, `Transfer note from ${by.name}: ${input.note}`, true);
    this.conversations.conversationChanged(moved);
    if (moved.status === "active") this.events?.emit("conversation.assigned", { conversation: moved });
    if (moved.status === "queued") await this.router.route(moved.site);
    return moved;
  }

  /**
   * A chat closed: its owner's slot frees up, and so does the slot of an offer that was ringing (the close ended
   * that offer in its own update), and the oldest queued chat that fits is offered at once.
   */
  async closed(conversation: ConversationDoc, ringing: Types.ObjectId | null): Promise<void> {
    if (conversation.assignee) await this.giveBack(conversation.assignee);
    if (ringing) await this.router.offerClosed(conversation, ringing);
    await this.router.route(conversation.site);
  }

  /**
   * A disabled agent can no longer answer: their offers are withdrawn and their chats go back to the
   * front of the queue (they keep their original place), each with a note the visitor sees.
   */
  async releaseEverythingOf(agent: AgentDoc): Promise<void> {
    await this.router.withdrawOffersOf(agent._id);
    const owned = await Conversation.find({ site: agent.site, status: "active", assignee: agent._id }).lean<
      ConversationDoc[]
    >();
    for (const chat of owned) await this.requeue(agent, chat._id);
    await this.router.route(agent.site);
  }

  /** Puts an agent's chat back in the queue, in its original place, telling the visitor. */
  private async requeue(agent: AgentDoc, conversationId: Types.ObjectId): Promise<void> {
    const requeued = await Conversation.findOneAndUpdate(
      { _id: conversationId, status: "active", assignee: agent._id },
      // Supervisors who had joined leave with the owner: the next agent's chat is theirs.
      { $set: { status: "queued", assignee: null, assigneeName: null, assignedAt: null, participants: [] } },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!requeued) return;
    await this.giveBack(agent._id);
    this.conversations.conversationChanged(requeued);
    await this.note(requeued._id, `${agent.name} is no longer available; the next agent will take over`);
  }

  /**
   * An accept or transfer can win its update just after an admin disabled the agent, when the disable's
   * sweep of their chats has already run: that chat would be stranded with someone who can never answer.
   * Checking after the update closes the window: either the sweep saw the chat, or this sees the disable.
   */
  private async refuseIfDisabledMeanwhile(agent: AgentDoc, chat: ConversationDoc): Promise<void> {
    if (!(await Agent.exists({ _id: agent._id, disabled: true }))) return;
    await this.requeue(agent, chat._id);
    await this.router.route(chat.site);
    throw new AppError("UNAUTHENTICATED", "Your account has been disabled");
  }

  private async transferToAgent(
    conversation: ConversationDoc,
    from: Types.ObjectId,
    targetId: Types.ObjectId,
    actor: string,
  ): Promise<ConversationDoc> {
    if (targetId.equals(from)) throw new AppError("CONFLICT", "This chat is already theirs");
    const target = await Agent.findOne({ _id: targetId, site: conversation.site, disabled: false }).lean<AgentDoc>();
    if (!target) throw new AppError("NOT_FOUND", "No such colleague");
    if (target.status !== "online") throw new AppError("CONFLICT", `${target.name} is ${target.status}`);
    const taken = await takeSlot(target._id, { mustBeOnline: true });
    if (!taken) throw new AppError("AT_CAPACITY", `${target.name} has no free chat slot`);
    this.agents.agentChanged(taken);
    const moved = await Conversation.findOneAndUpdate(
      { _id: conversation._id, status: "active", assignee: from },
      // assignedAt stays: handling time (the queue estimate's input) runs from the first accept.
      { $set: { assignee: target._id, assigneeName: target.name, participants: [] } },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!moved) {
      await this.giveBack(target._id);
      throw new AppError("CONFLICT", "The chat changed hands meanwhile; reload it");
    }
    await this.refuseIfDisabledMeanwhile(target, moved);
    await this.note(moved._id, `${actor} transferred the chat to ${target.name}`);
    return moved;
  }

  private async transferToTeam(
    conversation: ConversationDoc,
    from: Types.ObjectId,
    productId: string,
    actor: string,
  ): Promise<ConversationDoc> {
    const site = await cachedSite(conversation.site);
    const product = site?.products.find((p) => p.id === productId);
    if (!product) throw new AppError("NOT_FOUND", "No such product team");
    const moved = await Conversation.findOneAndUpdate(
      { _id: conversation._id, status: "active", assignee: from },
      {
        $set: {
          status: "queued",
          assignee: null,
          assigneeName: null,
          assignedAt: null,
          product: product.id,
          participants: [],
        },
        $addToSet: { declinedBy: from },
      },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!moved) throw new AppError("CONFLICT", "The chat changed hands meanwhile; reload it");
    await this.note(moved._id, `${actor} transferred the chat to the ${product.name} team`);
    return moved;
  }

  private async takeSlotOrRefuse(agent: AgentDoc): Promise<void> {
    const taken = await takeSlot(agent._id);
    if (!taken) {
      throw new AppError(
        "AT_CAPACITY",
        agent.capacity === 0
          ? "Your capacity is 0, so you take no chats; ask an admin to raise it"
          : `You already have ${agent.capacity} chats, your capacity; close one first`,
      );
    }
    this.agents.agentChanged(taken);
  }

  private giveBack(agentId: Types.ObjectId): Promise<void> {
    return giveBackSlot(agentId, this.agents);
  }

  private async whyNotAccepted(agent: AgentDoc, id: Types.ObjectId, wasOffered: boolean): Promise<AppError> {
    const now = await findConversation(id);
    if (!now?.site.equals(agent.site)) return new AppError("NOT_FOUND", "Conversation not found");
    if (now.status === "closed") return new AppError("CONVERSATION_CLOSED", "This conversation is closed");
    if (now.status === "active") return new AppError("CONFLICT", "Another agent has already taken this conversation");
    if (wasOffered) return new AppError("CONFLICT", "The offer expired and the chat moved on");
    return new AppError("CONFLICT", `This chat is being offered to ${now.offeredToName ?? "another agent"}`);
  }

  private note(conversationId: Types.ObjectId, body: string, internal = false): Promise<void> {
    return this.lifecycle.postSystem(conversationId, body, { internal });
  }
}
