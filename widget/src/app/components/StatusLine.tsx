import type { QueueStatusDto, VisitorConversationDto } from "@parley/shared";
import { text } from "../i18n/language.ts";
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
  const t = text();
  if (starting) return t.starting;
  if (!conversation) return t.loadingConversation;
  switch (conversation.status) {
    case "queued":
      return queue ? queueText(queue, { byEmail: conversation.replyByEmail, opens }) : t.waiting;
    case "active":
      return conversation.assigneeName ? t.chattingWith(conversation.assigneeName) : t.agentJoined;
    case "closed":
      return t.ended;
  }
}
