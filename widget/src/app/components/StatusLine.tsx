import type { VisitorConversationDto } from "@parley/shared";

interface Props {
  conversation: VisitorConversationDto | null;
  starting: boolean;
}

/** One polite live region for the conversation's state, so changes are announced. */
export function StatusLine({ conversation, starting }: Props) {
  return (
    <p class="status" role="status">
      {statusText(conversation, starting)}
    </p>
  );
}

function statusText(conversation: VisitorConversationDto | null, starting: boolean): string {
  if (starting) return "Starting your chat…";
  if (!conversation) return "Loading your conversation…";
  switch (conversation.status) {
    case "queued":
      return "Waiting for an agent…";
    case "active":
      return conversation.assigneeName ? `You're chatting with ${conversation.assigneeName}` : "An agent joined";
    case "closed":
      return "This chat has ended";
  }
}
