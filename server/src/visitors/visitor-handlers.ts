import type { VisitorClientToServerEvents } from "@parley/shared";
import { visitorConversation } from "../conversations/conversation-access.ts";
import { toMessageDto, toVisitorConversationDto } from "../conversations/conversation-dto.ts";
import type { ConversationLifecycle } from "../conversations/conversation-lifecycle.ts";
import { conversationPage } from "../conversations/conversation-page.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { CommandHandlers } from "../realtime/command-registry.ts";
import type { VisitorSocketData } from "../realtime/namespaces.ts";

export function visitorHandlers(
  lifecycle: ConversationLifecycle,
): CommandHandlers<VisitorClientToServerEvents, VisitorSocketData> {
  return {
    "conversation:start": async (input, { visitor }) => {
      const { conversation, message } = await lifecycle.start(visitor, input);
      return { conversation: toVisitorConversationDto(conversation), message: toMessageDto(message) };
    },

    "conversation:sync": async (input, { visitor }) => {
      const id = input.conversationId ? toObjectId(input.conversationId) : undefined;
      const conversation = await visitorConversation(visitor, id);
      if (!conversation) return { conversation: null, messages: [], hasMore: false };
      return conversationPage(conversation, input.afterSeq, toVisitorConversationDto);
    },

    "message:send": async (input, { visitor }) => {
      const conversation = await visitorConversation(visitor, toObjectId(input.conversationId));
      if (!conversation) throw new AppError("NOT_FOUND", "Conversation not found");
      const message = await lifecycle.post({
        conversationId: conversation._id,
        clientMsgId: input.clientMsgId,
        author: { kind: "visitor", id: null, name: conversation.visitorName },
        body: input.body,
      });
      return { message: toMessageDto(message) };
    },
  };
}
