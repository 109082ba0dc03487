import { AgentSyncInput, MessageSendInput } from "@parley/shared";
import { staffConversation } from "../conversations/conversation-access.ts";
import { toDetailDto } from "../conversations/conversation-dto.ts";
import { conversationPage } from "../conversations/conversation-page.ts";
import { postStaffMessage } from "../conversations/staff-message.ts";
import { toObjectId } from "../db/object-id.ts";
import { apiRoute } from "./api-route.ts";

export const messageRoutes = [
  apiRoute({
    method: "get",
    path: "/conversations/:conversationId/messages",
    operationId: "listMessages",
    summary: "A chat's messages after a sequence number, a page at a time",
    description: "Pass the last `seq` you have as `afterSeq` (0 from the start); ask again while `hasMore` is true.",
    resource: "messages",
    access: "read",
    command: "conversation:sync",
    input: AgentSyncInput,
    query: AgentSyncInput.pick({ afterSeq: true }).partial(),
    defaults: { afterSeq: 0 },
    returns: "{ conversation: ConversationDetail, messages: Message[], hasMore: boolean }",
    run: async (input, { agent }, { lifecycle }) => {
      const chat = await staffConversation(agent, toObjectId(input.conversationId), "view");
      return conversationPage(lifecycle.log, chat, input.afterSeq, toDetailDto, "staff");
    },
  }),
  apiRoute({
    method: "post",
    path: "/conversations/:conversationId/messages",
    operationId: "postMessage",
    summary: "Post a message in a chat as the key's agent",
    description:
      "The agent must be able to reply in the chat (its assignee, or a lead who joined it). Delivered live to the " +
      "visitor and the console. A retry with the same `clientMsgId` returns the stored message instead of a second one.",
    resource: "messages",
    access: "write",
    command: "message:send",
    input: MessageSendInput,
    body: MessageSendInput.omit({ conversationId: true }),
    status: 201,
    returns: "{ message: Message }",
    run: async (input, { agent }, { lifecycle }) => ({ message: await postStaffMessage(lifecycle, agent, input) }),
  }),
];
