import type { AgentClientToServerEvents, WallTicketDto } from "@parley/shared";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { toTeamMemberDto } from "../agents/agent-dto.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { findConversation } from "../conversations/conversation-archive.ts";
import { toDetailDto, toMessageDto } from "../conversations/conversation-dto.ts";
import { toWallChatDto } from "../conversations/wall-chat-dto.ts";
import { toObjectId } from "../db/object-id.ts";
import { readInBatches } from "../db/read-in-batches.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { RoutingSystem } from "../routing/routing-system.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { supervisionSettingsOf } from "../sites/supervision-settings.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import { chatSourceKey } from "../tickets/ticket-source.model.ts";
import { ticketOfSource } from "../tickets/ticket-sources.ts";
import type { ChatAlertWatch } from "./chat-alert-watch.ts";
import { toWallTicketDto } from "./wall-dto.ts";

type SupervisionEvents = "wall:sync" | "conversation:whisper" | "conversation:join";

/**
 * What supervisors and admins do on top of an agent's work: watch the whole floor, whisper to the agent
 * in a chat, and join a chat to answer the visitor themselves. Every event checks the role itself, so an
 * agent's console gets FORBIDDEN whatever its UI shows.
 */
export function supervisionHandlers(deps: {
  routing: RoutingSystem;
  alerts: ChatAlertWatch;
  clock: () => Date;
}): HandlerGroup<AgentClientToServerEvents, StaffContext, SupervisionEvents> {
  const { routing } = deps;

  const openChat = async (agent: AgentDoc, conversationId: string): Promise<ConversationDoc> => {
    const c = await findConversation(toObjectId(conversationId));
    if (!c?.site.equals(agent.site)) throw new AppError("NOT_FOUND", "Conversation not found");
    if (c.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
    return c;
  };

  return {
    "wall:sync": async (_input, { agent }) => {
      const [site, chats, team] = await Promise.all([
        siteOf(agent.site),
        Conversation.find({ site: agent.site, status: { $in: ["queued", "active"] } })
          .sort({ createdAt: 1 })
          .lean<ConversationDoc[]>(),
        Agent.find({ site: agent.site, disabled: false }).sort({ name: 1 }).lean<AgentDoc[]>(),
      ]);
      // The tickets made from these chats, by their source's key: the floor's size, not the ticket history's.
      const found = await readInBatches(chats, 8, (c) => ticketOfSource(chatSourceKey(c._id)));
      const tickets = found.filter((t): t is TicketDoc => t?.site.equals(agent.site) === true);
      return {
        chats: chats.map(toWallChatDto),
        tickets: tickets.map(toWallTicketDto).filter((t): t is WallTicketDto => t !== null),
        agents: team.map(toTeamMemberDto),
        alerts: deps.alerts.activeFor(agent.site),
        settings: supervisionSettingsOf(site),
        serverTime: deps.clock().toISOString(),
      };
    },

    "conversation:whisper": async (input, { agent }) => {
      const c = await openChat(agent, input.conversationId);
      // Internal: it reaches staff live and on resync, and is left out of all the visitor receives.
      const message = await routing.lifecycle.post({
        conversationId: c._id,
        clientMsgId: input.clientMsgId,
        author: { kind: "agent", id: agent._id, name: agent.name },
        body: input.body,
        internal: true,
      });
      return { message: toMessageDto(message) };
    },

    "conversation:join": async (input, { agent }) => {
      const c = await openChat(agent, input.conversationId);
      if (c.status !== "active") {
        throw new AppError("CONFLICT", "This chat is still waiting for an agent; transfer it to someone instead");
      }
      if (c.assignee?.equals(agent._id) || c.participants.some((p) => p.agent.equals(agent._id))) {
        return { conversation: toDetailDto(c) };
      }
      const joined = await Conversation.findOneAndUpdate(
        { _id: c._id, status: "active", "participants.agent": { $ne: agent._id } },
        { $push: { participants: { agent: agent._id, name: agent.name } } },
        { returnDocument: "after" },
      ).lean<ConversationDoc>();
      if (!joined) {
        // Joined from another tab meanwhile, or the chat closed: answer with how it is now.
        const now = await openChat(agent, input.conversationId);
        return { conversation: toDetailDto(now) };
      }
      // The visitor is told who is writing now; the agent stays assigned.
      await routing.lifecycle.postSystem(joined._id, `${agent.name} (${agent.role}) joined the chat`);
      const latest = (await Conversation.findById(joined._id).lean<ConversationDoc>()) ?? joined;
      routing.conversations.conversationChanged(latest);
      return { conversation: toDetailDto(latest) };
    },
  };
}
