import type { QueueStatusDto, VisitorConversationDto } from "@parley/shared";
import type { ComponentChildren } from "preact";
import type { AttachmentRef, UploadTarget } from "../attachments.ts";
import { text } from "../i18n/language.ts";
import type { TimelineItem } from "../view-model.ts";
import { Composer } from "./Composer.tsx";
import { MessageList } from "./MessageList.tsx";
import { StatusLine } from "./StatusLine.tsx";

interface Props {
  conversation: VisitorConversationDto | null;
  queue: QueueStatusDto | null;
  starting: boolean;
  timeline: readonly TimelineItem[];
  visitorName: string;
  onSend: (body: string, attachments: AttachmentRef[]) => void;
  /** Null until the chat exists on the server. */
  uploadTarget: UploadTarget | null;
  onNewChat: () => void;
  /** The agent side has read up to here ("Seen"). */
  seenSeq: number;
  /** Agents typing now. */
  typing: readonly string[];
  onTyping: (hasText: boolean) => void;
  onStopTyping: () => void;
  /** When support opens (site's time zone), while it is closed. */
  opens: string | null;
  /** Shown once the chat ended, above "Start a new chat" (rating, transcript). */
  afterEnd?: ComponentChildren;
}

export function ConversationView({
  conversation,
  queue,
  starting,
  timeline,
  visitorName,
  onSend,
  uploadTarget,
  onNewChat,
  seenSeq,
  typing,
  onTyping,
  onStopTyping,
  opens,
  afterEnd,
}: Props) {
  const ended = !starting && conversation?.status === "closed";
  const t = text();
  return (
    <>
      <StatusLine conversation={conversation} queue={queue} starting={starting} opens={opens} />
      <MessageList items={timeline} visitorName={visitorName} seenSeq={seenSeq} />
      {/* Always mounted, and changed only when someone starts or stops: announced once, politely. */}
      <p class="typing" role="status">
        {typing.length > 0 && t.typing(new Intl.ListFormat(t.lang).format(typing), typing.length > 1)}
      </p>
      {ended && afterEnd}
      {ended ? (
        <div class="ended">
          <button type="button" class="primary" data-autofocus onClick={onNewChat}>
            {t.newChat}
          </button>
        </div>
      ) : (
        <Composer onSend={onSend} uploadTarget={uploadTarget} onTyping={onTyping} onStopTyping={onStopTyping} />
      )}
    </>
  );
}
