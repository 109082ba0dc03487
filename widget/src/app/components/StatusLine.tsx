import type { QueueStatusDto, VisitorConversationDto } from "@parley/shared";
import { queueText } from "../queue-status.ts";

interface Props {
  conversation: VisitorConversationDto | null;
  queue: QueueStatusDto | null;
  starting: boolean;
  /** When support opens, in the site's time zone, while it is closed: a queued chat waits for it. */
  opens: string | null;
}

/** One polite live region for the conversation's state, so changes are announced. */
export function StatusLine({ conversation, queue, starting, opens }: Props) {
  return (
    <p class="status" role="status">
      {statusText(conversation, queue, starting, opens)}
    </p>
  );
}

function statusText(
  conversation: VisitorConversationDto | null,
  queue: QueueStatusDto | null,
  starting: boolean,
  opens: string | null,
): string {
  if (starting) return "Starting your chat…";
  if (!conversation) return "Loading your conversation…";
  switch (conversation.status) {
    case "queued":
      return queue ? queueText(queue, { byEmail: conversation.replyByEmail, opens }) : "Waiting for an agent…";
    case "active":
      return conversation.assigneeName ? `You're chatting with ${conversation.assigneeName}` : "An agent joined";
    case "closed":
      return "This chat has ended";
  }
}
