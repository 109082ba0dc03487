import type { AgentDoc } from "../agents/agent.model.ts";
import { staffConversation } from "../conversations/conversation-access.ts";
import type { MessageLog } from "../conversations/message-log.ts";
import { messagesAfter } from "../conversations/message-store.ts";
import { toObjectId } from "../db/object-id.ts";

/** A transcript longer than this is cut, with a line saying so (the messages route pages through any length). */
const MAX_TRANSCRIPT_MESSAGES = 5_000;

/**
 * A chat as plain text for staff (notes included, marked), in the order of the chat's sequence numbers. Times are
 * UTC ISO strings: a script reading it should not have to guess a zone.
 */
export async function conversationTranscript(
  log: Pick<MessageLog, "settled">,
  agent: AgentDoc,
  conversationId: string,
): Promise<string> {
  const chat = await staffConversation(agent, toObjectId(conversationId), "view");
  const lines = [`Chat with ${oneLine(chat.visitorName)}, started ${chat.createdAt.toISOString()}, ${chat.status}`, ""];
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const page = await messagesAfter(chat, afterSeq, "staff", (id) => log.settled(id));
    for (const m of page.messages) {
      afterSeq = m.seq;
      const files = m.attachments?.length ? ` [files: ${m.attachments.map((a) => a.name).join(", ")}]` : "";
      const note = m.internal ? " (staff note)" : "";
      lines.push(`[${m.createdAt.toISOString()}] ${oneLine(m.authorName)}${note}: ${m.body}${files}`);
      count++;
    }
    if (!page.hasMore || page.messages.length === 0) break;
    if (count >= MAX_TRANSCRIPT_MESSAGES) {
      lines.push(`[cut after ${MAX_TRANSCRIPT_MESSAGES} messages: read the rest from the messages route]`);
      break;
    }
  }
  return `${lines.join("\n")}\n`;
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();
