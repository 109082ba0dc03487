import type { ConversationSummaryDto } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";
import { toSummaryDto } from "./conversation-dto.ts";

const INBOX_LIMIT = 200;

/** A staff member's inbox: the site's queue (oldest first) and their own active chats (latest first). */
export async function staffInbox(
  agent: AgentDoc,
): Promise<{ waiting: ConversationSummaryDto[]; mine: ConversationSummaryDto[] }> {
  const [waiting, mine] = await Promise.all([
    Conversation.find({ site: agent.site, status: "queued" })
      .sort({ createdAt: 1 })
      .limit(INBOX_LIMIT)
      .lean<ConversationDoc[]>(),
    Conversation.find({ site: agent.site, status: "active", assignee: agent._id })
      .sort({ updatedAt: -1 })
      .limit(INBOX_LIMIT)
      .lean<ConversationDoc[]>(),
  ]);
  return { waiting: waiting.map(toSummaryDto), mine: mine.map(toSummaryDto) };
}
