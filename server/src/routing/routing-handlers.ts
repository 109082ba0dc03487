import type { AgentClientToServerEvents } from "@parley/shared";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { toAgentDto, toTeamMemberDto } from "../agents/agent-dto.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { staffConversation } from "../conversations/conversation-access.ts";
import { toDetailDto } from "../conversations/conversation-dto.ts";
import { toObjectId } from "../db/object-id.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { rooms } from "../realtime/rooms.ts";
import type { RoutingSystem } from "./routing-system.ts";

type RoutingEvents = "presence:set" | "offer:decline" | "conversation:accept" | "conversation:transfer" | "team:list";

export function routingHandlers(
  routing: RoutingSystem,
): HandlerGroup<AgentClientToServerEvents, StaffContext, RoutingEvents> {
  return {
    "presence:set": async (input, { agent }) => ({ me: toAgentDto(await routing.presence.set(agent, input.status)) }),

    "offer:decline": async (input, { agent }) => {
      await routing.router.decline(agent, toObjectId(input.conversationId));
      return {};
    },

    "conversation:accept": async (input, { agent, socket }) => {
      const conversation = await routing.assignment.accept(agent, toObjectId(input.conversationId));
      await socket.join(rooms.conversation(conversation._id));
      return { conversation: toDetailDto(conversation) };
    },

    "conversation:transfer": async (input, { agent }) => {
      const conversation = await staffConversation(agent, toObjectId(input.conversationId), "transfer");
      const moved = await routing.assignment.transfer(agent, conversation, input);
      return { conversation: toDetailDto(moved) };
    },

    "team:list": async (_input, { agent }) => {
      const team = await Agent.find({ site: agent.site }).sort({ name: 1 }).lean<AgentDoc[]>();
      return { agents: team.map(toTeamMemberDto) };
    },
  };
}
