import type { MessagePageDto } from "@parley/shared";
import type { ConversationDoc } from "./conversation.model.ts";
import { toMessageDto } from "./conversation-dto.ts";
import { messagesAfter } from "./message-store.ts";

/** A resync answer: the conversation as the caller may see it, plus what they missed. */
export async function conversationPage<C>(
  conversation: ConversationDoc,
  afterSeq: number,
  present: (c: ConversationDoc) => C,
  audience: "staff" | "visitor",
): Promise<MessagePageDto<C>> {
  const { messages, hasMore } = await messagesAfter(conversation, afterSeq, audience);
  return { conversation: present(conversation), messages: messages.map(toMessageDto), hasMore };
}
