import type { AgentClientToServerEvents } from "@parley/shared";
import { toAgentDto } from "../agents/agent-dto.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { rooms } from "../realtime/rooms.ts";
import { staffConversation } from "./conversation-access.ts";
import { toDetailDto } from "./conversation-dto.ts";
import type { ConversationLifecycle } from "./conversation-lifecycle.ts";
import { conversationPage } from "./conversation-page.ts";
import { staffInbox } from "./staff-inbox.ts";
import { postStaffMessage } from "./staff-message.ts";

type ConversationEvents = "inbox:sync" | "conversation:sync" | "conversation:close" | "message:send";

export function staffHandlers(
  lifecycle: ConversationLifecycle,
): HandlerGroup<AgentClientToServerEvents, StaffContext, ConversationEvents> {
  return {
    "inbox:sync": async (_input, { agent }) => ({ me: toAgentDto(agent), ...(await staffInbox(agent)) }),

    "conversation:sync": async (input, { agent, socket }) => {
      const id = toObjectId(input.conversationId);
      const room = rooms.conversation(id);
      // A refused agent must not stay in the room, whenever they got in: another agent's accept sends onlookers
      // out of it once, and may do so between this agent's first check and their join.
      const mayView = async () => {
        try {
          return await staffConversation(agent, id, "view");
        } catch (err) {
          if (err instanceof AppError) await socket.leave(room);
          throw err;
        }
      };
      await mayView();
      // Join first, then read: a message stored after the read is still broadcast to us. The read checks again,
      // and only once it passes does the agent stay joined.
      await socket.join(room);
      const fresh = await mayView();
      return conversationPage(lifecycle.log, fresh, input.afterSeq, toDetailDto, "staff");
    },

    "conversation:close": async (input, { agent }) => {
      const conversation = await staffConversation(agent, toObjectId(input.conversationId), "close");
      return { conversation: toDetailDto(await lifecycle.close(conversation, agent, input.reason ?? "resolved")) };
    },

    "message:send": async (input, { agent }) => ({ message: await postStaffMessage(lifecycle, agent, input) }),
  };
}
