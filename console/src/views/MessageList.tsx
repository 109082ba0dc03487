import type { AgentDto, MessageDto } from "@parley/shared";
import { useLayoutEffect, useRef } from "preact/hooks";
import { formatDateTime, formatTime } from "../format.ts";
import type { OutboxEntry } from "../state/outbox.ts";
import { AttachmentLinks } from "./AttachmentLinks.tsx";
import { RichText } from "./RichText.tsx";

interface MessageListProps {
  messages: readonly MessageDto[];
  pending: readonly OutboxEntry[];
  me: AgentDto;
  onDiscard: (clientMsgId: string) => void;
  /** The visitor has read up to this seq: "Seen" goes under the latest staff reply it covers. */
  seenSeq?: number;
}

/** How close to the bottom still counts as "reading the latest", in pixels. */
const STICK_THRESHOLD = 48;

export function MessageList({ messages, pending, me, onDiscard, seenSeq = 0 }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  // Follow new messages only if the agent was already at the bottom; never yank them
  // away from history they scrolled up to read.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages, pending]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD;
  };

  return (
    <div
      class="log"
      role="log"
      aria-live="polite"
      aria-label="Chat transcript"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
      tabIndex={0}
      ref={scroller}
      onScroll={onScroll}
    >
      {messages.length === 0 && pending.length === 0 ? (
        <p class="log-empty">No messages yet.</p>
      ) : (
        <ol>
          {messages.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              mine={m.author.kind === "agent" && m.author.id === me.id}
              seen={m.id === seenId(messages, seenSeq)}
            />
          ))}
          {pending.map((entry) => (
            <PendingItem key={entry.clientMsgId} entry={entry} me={me} onDiscard={onDiscard} />
          ))}
        </ol>
      )}
    </div>
  );
}

/** The latest reply the visitor could see, if they have read it. */
function seenId(messages: readonly MessageDto[], seenSeq: number): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.author.kind === "agent" && !m.internal) return m.seq <= seenSeq ? m.id : null;
  }
  return null;
}

function MessageItem({ message, mine, seen }: { message: MessageDto; mine: boolean; seen: boolean }) {
  const { author, body, createdAt, internal } = message;
  if (internal) return <InternalNote message={message} />;
  return (
    <li class={`msg msg--${author.kind}${mine ? " msg--mine" : ""}`}>
      <p class="msg-meta">
        <span class="msg-author">{author.name}</span> <Time iso={createdAt} />
      </p>
      <p class="msg-body">
        <RichText body={body} />
      </p>
      <AttachmentLinks attachments={message.attachments} />
      {seen && <p class="msg-seen">Seen</p>}
    </li>
  );
}

/**
 * Staff-only: a transfer note (from Parley) or a lead's whisper (from a person). Set apart so nobody
 * mistakes it for something the visitor saw.
 */
function InternalNote({ message }: { message: MessageDto }) {
  const whisper = message.author.kind === "agent";
  return (
    <li class={`msg msg--internal${whisper ? " msg--whisper" : ""}`}>
      <p class="msg-meta">
        {whisper ? (
          <span class="msg-label">
            Whisper<span class="sr-only"> (only staff see it)</span>
          </span>
        ) : (
          <span class="msg-label">Internal note</span>
        )}{" "}
        {message.author.kind !== "system" && <span class="msg-author">{message.author.name}</span>}{" "}
        <Time iso={message.createdAt} />
      </p>
      <p class="msg-body">
        <RichText body={message.body} />
      </p>
      <AttachmentLinks attachments={message.attachments} />
    </li>
  );
}

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatTime(iso)}
    </time>
  );
}

const PENDING_LABELS: Record<OutboxEntry["status"], string> = {
  sending: "Sending…",
  waiting: "Not sent yet, will retry",
  failed: "Not sent",
};

function PendingItem({ entry, me, onDiscard }: { entry: OutboxEntry; me: AgentDto; onDiscard: (id: string) => void }) {
  return (
    <li class={`msg msg--agent msg--mine msg--pending msg--${entry.status}`}>
      <p class="msg-meta">
        <span class="msg-author">{me.name}</span> <span class="msg-state">{PENDING_LABELS[entry.status]}</span>
      </p>
      <p class="msg-body">
        <RichText body={entry.body} />
      </p>
      {entry.status === "failed" && (
        <p class="msg-error">
          {entry.error?.message ?? "The server refused this message."}{" "}
          <button type="button" class="link-button" onClick={() => onDiscard(entry.clientMsgId)}>
            Discard
          </button>
        </p>
      )}
    </li>
  );
}
