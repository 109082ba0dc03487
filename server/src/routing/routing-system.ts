import type { AvailabilityDto } from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { Presence } from "../agents/presence.ts";
import type { ArchiveHook } from "../conversations/conversation-archive.ts";
import { ConversationBroadcaster } from "../conversations/conversation-broadcaster.ts";
import type { ConversationEvents } from "../conversations/conversation-events.ts";
import { ConversationLifecycle } from "../conversations/conversation-lifecycle.ts";
import type { Logger } from "../logging/logger.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { admitNewChat, siteAvailability } from "./admission.ts";
import { AgentBroadcaster } from "./agent-broadcaster.ts";
import { Assignment } from "./assignment.ts";
import { recountLoads } from "./load-recount.ts";
import { OfferRouter } from "./offer-router.ts";
import { QueueNotifier } from "./queue-notifier.ts";

export interface RoutingSystem {
  lifecycle: ConversationLifecycle;
  conversations: ConversationBroadcaster;
  router: OfferRouter;
  assignment: Assignment;
  presence: Presence;
  queue: QueueNotifier;
  agents: AgentBroadcaster;
  /** Whether the site takes new chats now, on the server's clock. */
  availability(siteId: Types.ObjectId): Promise<AvailabilityDto>;
  /** `coldStart`: no other node is serving, so agents' loads may be recounted (see recountLoads). */
  start(opts?: { coldStart: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the conversation lifecycle with routing, presence and queue updates plugged into it. They
 * refer to one another (a close frees a slot, which routes, which tells the queue), so they are
 * assembled here rather than each reaching for the others.
 */
export function createRoutingSystem(opts: {
  visitors: VisitorNamespace;
  staff: StaffNamespace;
  presenceGraceMs: number;
  offerSweepIntervalMs?: number;
  logger: Logger;
  /** Whether support hours admit a new chat is read on the server's clock (the tickets' clock too). */
  clock?: () => Date;
  /** How long a batch of messages may wait on the database before its senders are told UNAVAILABLE. */
  stallMs?: number;
  /** Told of each closed chat once it is in the history (tickets mark the ones made into tickets). */
  archived: ArchiveHook;
  /** Told of chats started, assigned and closed, and of every stored message (webhooks). */
  events?: ConversationEvents;
}): RoutingSystem {
  const { logger } = opts;
  const now = opts.clock ?? (() => new Date());
  const queue = new QueueNotifier(opts.visitors, logger, now);
  const conversations = new ConversationBroadcaster(opts.visitors, opts.staff, (site) => queue.siteChanged(site));
  const agents = new AgentBroadcaster(opts.staff, (site) => queue.siteChanged(site));
  const lifecycle = new ConversationLifecycle(
    conversations,
    opts.archived,
    {
      ms: opts.stallMs ?? 15_000,
      stalled: (what) =>
        logger.warn({ event: "message_batch_stalled", ...what }, "a batch of messages got no answer from the database"),
    },
    opts.events,
  );
  const router = new OfferRouter(conversations, agents, logger, opts.offerSweepIntervalMs);
  const assignment = new Assignment(lifecycle, router, conversations, agents, opts.events);

  const presenceChanged = async (agent: AgentDoc, previous: AgentDoc["status"]) => {
    agents.agentChanged(agent);
    if (previous === "online" && agent.status !== "online") await router.withdrawOffersOf(agent._id);
    if (agent.status === "online") await router.route(agent.site);
  };
  const presence = new Presence(opts.staff, opts.presenceGraceMs, presenceChanged, logger);

  lifecycle.connect({
    admit: (site, afterHours) => admitNewChat(site, afterHours, now()),
    queued: (conversation) => router.route(conversation.site),
    closed: (conversation, ringing) => assignment.closed(conversation, ringing),
  });

  return {
    lifecycle,
    conversations,
    router,
    assignment,
    presence,
    queue,
    agents,
    availability: (siteId) => siteAvailability(siteId, now()),
    async start({ coldStart } = { coldStart: true }) {
      if (coldStart) {
        const fixed = await recountLoads();
        if (fixed > 0) logger.warn({ event: "loads_recounted", agents: fixed }, "agent loads corrected at boot");
      }
      await presence.start();
      await router.start();
    },
    async stop() {
      presence.stop();
      await router.stop();
      queue.stop();
    },
  };
}
