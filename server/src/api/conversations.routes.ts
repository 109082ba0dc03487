import { ConversationRef, EmptyInput } from "@parley/shared";
import { staffConversation } from "../conversations/conversation-access.ts";
import { toDetailDto } from "../conversations/conversation-dto.ts";
import { staffInbox } from "../conversations/staff-inbox.ts";
import { toObjectId } from "../db/object-id.ts";
import { apiRoute } from "./api-route.ts";
import { conversationTranscript } from "./transcript-text.ts";

export const conversationRoutes = [
  apiRoute({
    method: "get",
    path: "/conversations",
    operationId: "listConversations",
    summary: "The queue and the key's agent's active chats",
    description: "As the console's inbox: the site's queued chats (oldest first) and the agent's own active chats.",
    resource: "conversations",
    access: "read",
    command: "inbox:sync",
    input: EmptyInput,
    returns: "{ waiting: ConversationSummary[], mine: ConversationSummary[] }",
    run: async (_input, { agent }) => staffInbox(agent),
  }),
  apiRoute({
    method: "get",
    path: "/conversations/:conversationId",
    operationId: "getConversation",
    summary: "One chat (open or closed) the key's agent may view",
    resource: "conversations",
    access: "read",
    command: "conversation:sync",
    input: ConversationRef,
    returns: "{ conversation: ConversationDetail }",
    run: async (input, { agent }) => ({
      conversation: toDetailDto(await staffConversation(agent, toObjectId(input.conversationId), "view")),
    }),
  }),
  apiRoute({
    method: "get",
    path: "/conversations/:conversationId/transcript",
    operationId: "getConversationTranscript",
    summary: "A chat's transcript as plain text, staff notes marked",
    resource: "conversations",
    access: "read",
    command: "conversation:sync",
    input: ConversationRef,
    text: true,
    returns: "text/plain: one line per message, `[time] Name: text`",
    run: (input, { agent }, deps) => conversationTranscript(deps.lifecycle.log, agent, input.conversationId),
  }),
];
