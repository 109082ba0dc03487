import type { MessageDto, MessageSendInput } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import { attachmentsFor } from "../attachments/attachment-links.ts";
import { toObjectId } from "../db/object-id.ts";
import { staffConversation } from "./conversation-access.ts";
import { toMessageDto } from "./conversation-dto.ts";
import type { ConversationLifecycle } from "./conversation-lifecycle.ts";

/**
 * A staff member's message in a chat they may reply in, from the console or the REST API: through the message log
 * (idempotent on `clientMsgId`, numbered, stored before it is broadcast to the chat's room).
 */
export async function postStaffMessage(
  lifecycle: ConversationLifecycle,
  agent: AgentDoc,
  input: MessageSendInput,
): Promise<MessageDto> {
  const conversation = await staffConversation(agent, toObjectId(input.conversationId), "reply");
  const message = await lifecycle.post({
    conversationId: conversation._id,
    clientMsgId: input.clientMsgId,
    author: { kind: "agent", id: agent._id, name: agent.name },
    body: input.body,
    attachments: await attachmentsFor(conversation.site, input.attachmentIds ?? [], {
      conversation: conversation._id,
    }),
  });
  return toMessageDto(message);
}
