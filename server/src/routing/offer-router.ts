import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { updateAgentIf } from "../agents/agent-writes.ts";
import { Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import type { ConversationBroadcaster } from "../conversations/conversation-broadcaster.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import { Site, type SiteDoc } from "../sites/site.model.ts";
import { cachedSite } from "../sites/site-cache.ts";
import type { AgentBroadcaster } from "./agent-broadcaster.ts";
import { giveBackSlot, releaseSlot, takeSlot } from "./agent-slots.ts";
import { rankCandidates } from "./candidate-ranking.ts";
import { SiteLanes } from "./site-lanes.ts";
import { onlineAgents } from "./team-capacity.ts";

/** Queued chats looked at per pass; a pass that fills every slot stops early anyway. */
const PASS_LIMIT = 200;

const OFFER_CLEARED = { offeredTo: null, offeredToName: null, offerExpiresAt: null };

/**
 * Automatic assignment: offers each queued chat to one agent at a time.
 *
 * An offer takes a slot of the agent's capacity when it is made, so an agent is never offered more than
 * they can hold. Accepting keeps the slot; declining, timing out or going away gives it back and the chat
 * moves on. Who wins a race (accept against timeout, two routers) is decided by compare-and-set updates
 * on the conversation, never by reading first.
 */
export class OfferRouter {
  private readonly lanes = new SiteLanes();
  /** Expiry timers by conversation, with the agent whose offer each one times out. */
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; agentId: Types.ObjectId }>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly conversations: ConversationBroadcaster,
    private readonly agents: AgentBroadcaster,
    private readonly logger: Logger,
    /** Backstop for offers whose timer died with another process; timers handle the normal case. */
    private readonly sweepIntervalMs = 5_000,
  ) {}

  /** Offers the site's queued chats, oldest first, to the best free agents. */
  route(siteId: Types.ObjectId): Promise<void> {
    return this.lanes.run(siteId.toHexString(), () =>
      this.pass(siteId).catch((err) => this.logger.error({ err, site: siteId }, "routing pass failed")),
    );
  }

  /** Passes on an offer: the chat moves on and is not offered to this agent again. */
  async decline(agent: AgentDoc, conversationId: Types.ObjectId): Promise<void> {
    const cleared = await Conversation.findOneAndUpdate(
      { _id: conversationId, site: agent.site, status: "queued", offeredTo: agent._id },
      { $set: OFFER_CLEARED, $addToSet: { declinedBy: agent._id } },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!cleared) throw new AppError("NOT_FOUND", "There is no offer of this chat to you any more");
    await this.offerEnded(cleared, agent._id);
  }

  /** Takes back every offer ringing an agent who went away, offline or was disabled. */
  async withdrawOffersOf(agentId: Types.ObjectId): Promise<void> {
    const ringing = await Conversation.find({ status: "queued", offeredTo: agentId }).lean<ConversationDoc[]>();
    for (const offer of ringing) await this.withdraw(offer, agentId);
  }

  private async withdraw(offer: ConversationDoc, agentId: Types.ObjectId): Promise<void> {
    const cleared = await Conversation.findOneAndUpdate(
      { _id: offer._id, status: "queued", offeredTo: agentId },
      { $set: OFFER_CLEARED },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (cleared) await this.offerEnded(cleared, agentId);
  }

  /** Manual mode from now on: offers ringing on the site are taken back; agents pick from the queue. */
  async withdrawOffersOnSite(siteId: Types.ObjectId): Promise<void> {
    // A pass that started before the switch may still be making offers: let it (and any pass folded
    // behind it, which will read "manual" and stop) finish first, then take back what it left ringing.
    await this.lanes.run(siteId.toHexString(), async () => {});
    const ringing = await Conversation.find({ site: siteId, status: "queued", offeredTo: { $ne: null } })
      .select({ offeredTo: 1 })
      .lean<Pick<ConversationDoc, "offeredTo">[]>();
    const agents = new Map(ringing.flatMap((c) => (c.offeredTo ? [[c.offeredTo.toHexString(), c.offeredTo]] : [])));
    for (const agentId of agents.values()) await this.withdrawOffersOf(agentId);
  }

  /** The offer was accepted: its timer has nothing left to do. */
  offerAccepted(conversationId: Types.ObjectId): void {
    this.disarm(conversationId);
  }

  /**
   * A chat was closed while it rang someone (a supervisor closing spam from the queue): the close ended the offer
   * in its own update, so its timer stops and its slot goes back. Otherwise nothing would ever release that slot,
   * as expiry and withdrawal only touch queued chats.
   */
  async offerClosed(conversation: ConversationDoc, agentId: Types.ObjectId): Promise<void> {
    this.disarm(conversation._id, agentId);
    await this.giveBack(agentId);
  }

  /**
   * At boot: offers still ringing get their timers back; offers that ran out while the server was down
   * are taken back without setting anyone away (the agent could not have answered them), then every
   * site is routed once and the backstop sweep starts.
   */
  async start(): Promise<void> {
    const ringing = await Conversation.find({ status: "queued", offeredTo: { $ne: null } }).lean<ConversationDoc[]>();
    const now = Date.now();
    for (const c of ringing) {
      if (!c.offeredTo) continue;
      if ((c.offerExpiresAt?.getTime() ?? 0) > now) this.arm(c);
      else await this.withdraw(c, c.offeredTo);
    }
    for (const site of await Site.find({}).select({ _id: 1 }).lean<Pick<SiteDoc, "_id">[]>()) {
      void this.route(site._id);
    }
    this.sweeper = setInterval(() => void this.sweep(), this.sweepIntervalMs);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.lanes.idle();
  }

  private async pass(siteId: Types.ObjectId): Promise<void> {
    const site = await cachedSite(siteId);
    if (site?.assignmentMode !== "auto") return;
    let agents = await onlineAgents(siteId);
    if (!agents.some((a) => a.load < a.capacity)) return;
    const queued = await Conversation.find({ site: siteId, status: "queued", offeredTo: null })
      .sort({ createdAt: 1 })
      .limit(PASS_LIMIT)
      .lean<ConversationDoc[]>();

    for (const chat of queued) {
      const ranked = rankCandidates(
        agents.map((a) => ({
          _id: a._id,
          id: a._id.toHexString(),
          load: a.load,
          capacity: a.capacity,
          products: a.products,
          lastAssignedAt: a.lastAssignedAt ?? null,
        })),
        { product: chat.product ?? null, declinedBy: chat.declinedBy.map((id) => id.toHexString()) },
      );
      for (const candidate of ranked) {
        const outcome = await this.offer(site, chat, candidate._id);
        if (outcome.kind === "chat-gone") break;
        // Either way the agent's row changed under us: keep the ranking's view of them current.
        agents = outcome.agent
          ? agents.map((a) => (a._id.equals(candidate._id) ? (outcome.agent as AgentDoc) : a))
          : agents.filter((a) => !a._id.equals(candidate._id));
        if (outcome.kind === "offered") break;
      }
      if (!agents.some((a) => a.load < a.capacity)) return;
    }
  }

  private async offer(
    site: SiteDoc,
    chat: ConversationDoc,
    agentId: Types.ObjectId,
  ): Promise<{ kind: "offered" | "agent-busy" | "chat-gone"; agent: AgentDoc | null }> {
    const now = new Date();
    const agent = await takeSlot(agentId, { mustBeOnline: true, now });
    if (!agent) {
      const fresh = await Agent.findOne({ _id: agentId, status: "online", disabled: false }).lean<AgentDoc>();
      return { kind: "agent-busy", agent: fresh };
    }
    const offered = await Conversation.findOneAndUpdate(
      { _id: chat._id, status: "queued", offeredTo: null },
      {
        $set: {
          offeredTo: agent._id,
          offeredToName: agent.name,
          hadAgent: true,
          offerExpiresAt: new Date(now.getTime() + site.offerTimeoutSeconds * 1000),
        },
      },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!offered) {
      const released = await releaseSlot(agent._id);
      return { kind: "chat-gone", agent: released ?? agent };
    }
    this.arm(offered);
    this.agents.agentChanged(agent);
    this.conversations.conversationChanged(offered);
    return { kind: "offered", agent };
  }

  private arm(offer: ConversationDoc): void {
    if (!offer.offerExpiresAt || !offer.offeredTo) return;
    const agentId = offer.offeredTo;
    this.disarm(offer._id);
    const delay = Math.max(0, offer.offerExpiresAt.getTime() - Date.now()) + 5;
    const timer = setTimeout(() => {
      this.timers.delete(offer._id.toHexString());
      this.expire(offer._id, agentId).catch((err) => this.logger.error({ err }, "offer expiry failed"));
    }, delay);
    timer.unref();
    this.timers.set(offer._id.toHexString(), { timer, agentId });
  }

  /**
   * Stops a chat's expiry timer; given an agent, only if the timer is for that agent's offer. An offer that
   * just ended may already have been replaced by a new one to someone else, whose timer must keep running.
   */
  private disarm(conversationId: Types.ObjectId, agentId?: Types.ObjectId): void {
    const key = conversationId.toHexString();
    const armed = this.timers.get(key);
    if (!armed || (agentId && !armed.agentId.equals(agentId))) return;
    clearTimeout(armed.timer);
    this.timers.delete(key);
  }

  /**
   * An unanswered offer moves on, and the agent who let it ring is set to away: they are evidently not at
   * their desk, and leaving them online would ring them with every next chat too.
   */
  private async expire(conversationId: Types.ObjectId, agentId: Types.ObjectId): Promise<void> {
    const cleared = await Conversation.findOneAndUpdate(
      { _id: conversationId, status: "queued", offeredTo: agentId, offerExpiresAt: { $lte: new Date() } },
      { $set: OFFER_CLEARED },
      { returnDocument: "after" },
    ).lean<ConversationDoc>();
    if (!cleared) return;
    this.offerCleared(cleared, agentId);
    const away = await updateAgentIf(
      { _id: agentId, status: "online" },
      { $set: { status: "away", preferredStatus: "away" } },
    );
    if (away) {
      this.logger.info({ event: "offer_missed", agent: agentId, conversation: conversationId }, "agent set to away");
    }
    // Away before routing, so the chat moves on to someone else. The agent's other offers are taken back
    // only after this chat has been announced and routed: taking them back routes too, and could offer this
    // chat to a colleague before its "ringing nobody" update went out, leaving their console stale.
    await this.giveBack(agentId);
    await this.route(cleared.site);
    if (!away) return;
    await this.withdrawOffersOf(agentId);
    // Their console says why they are away now: nothing they did set it.
    const site = await cachedSite(cleared.site);
    this.agents.notice(agentId, {
      kind: "offer-missed",
      conversationId: conversationId.toHexString(),
      ringSeconds: site?.offerTimeoutSeconds ?? 0,
      at: new Date().toISOString(),
    });
  }

  /** An offer was cleared (declined, withdrawn): tell staff at once, give the slot back, move the chat on. */
  private async offerEnded(conversation: ConversationDoc, agentId: Types.ObjectId): Promise<void> {
    this.offerCleared(conversation, agentId);
    await this.giveBack(agentId);
    await this.route(conversation.site);
  }

  /**
   * Runs right after the update that cleared the offer, with nothing awaited in between: a routing pass
   * may offer the chat to someone else the moment it is cleared, and this announcement must not land
   * after that one.
   */
  private offerCleared(conversation: ConversationDoc, agentId: Types.ObjectId): void {
    this.disarm(conversation._id, agentId);
    this.conversations.conversationChanged(conversation);
  }

  private giveBack(agentId: Types.ObjectId): Promise<void> {
    return giveBackSlot(agentId, this.agents);
  }

  private async sweep(): Promise<void> {
    try {
      const due = await Conversation.find({ status: "queued", offerExpiresAt: { $lte: new Date() } })
        .limit(100)
        .lean<ConversationDoc[]>();
      for (const c of due) if (c.offeredTo) await this.expire(c._id, c.offeredTo);
    } catch (err) {
      this.logger.error({ err }, "offer sweep failed");
    }
  }
}
