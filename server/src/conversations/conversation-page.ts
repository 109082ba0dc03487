import type { MessagePageDto } from "@parley/shared";
import type { ConversationDoc } from "./conversation.model.ts";
import { toMessageDto } from "./conversation-dto.ts";
import type { MessageLog } from "./message-log.ts";
import { messagesAfter } from "./message-store.ts";

/** A resync answer: the conversation as the caller may see it (read just before), plus what they missed. */
export async function conversationPage<C>(
  log: Pick<MessageLog, "settled">,
  conversation: ConversationDoc,
  afterSeq: number,
  present: (c: ConversationDoc) => C,
  audience: "staff" | "visitor",
): Promise<MessagePageDto<C>> {
  const { messages, hasMore } = await messagesAfter(conversation, afterSeq, audience, (id) => log.settled(id));
  return { conversation: present(conversation), messages: messages.map(toMessageDto), hasMore };
}
