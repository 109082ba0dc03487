import type { AgentDto, ConversationDetailDto } from "@parley/shared";
import { useEffect, useRef } from "preact/hooks";
import type { ConversationView } from "../state/conversation.ts";
import { canReply, canWhisper, isOfferedTo } from "../state/conversation.ts";
import { type Outbox, pendingFor } from "../state/outbox.ts";
import { isLead } from "../state/roles.ts";
import type { TransferTargets } from "../state/transfer.ts";
import { ChatHeader } from "./ChatHeader.tsx";
import { ChatRating } from "./ChatRating.tsx";
import { Composer } from "./Composer.tsx";
import { LazyRoute } from "./LazyRoute.tsx";
import { MessageList } from "./MessageList.tsx";
import { useSession } from "./session-context.ts";
import { useChatSignals } from "./useChatSignals.ts";
import { VisitorPanel } from "./VisitorPanel.tsx";

interface ChatViewProps {
  id: string;
  view: ConversationView;
  outbox: Outbox;
  me: AgentDto;
  productName: (id: string) => string;
  targets: TransferTargets;
  /** A lead who joined the chat (in this session, or as the wall says): they reply as themselves. */
  joined: boolean;
  onTransferred: (text: string) => void;
}

// Only leads whisper, and only in colleagues' chats.
const loadWhisperBox = () => import("./WhisperBox.tsx");

export function ChatView({ id, view, outbox, me, productName, targets, joined, onTransferred }: ChatViewProps) {
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const { detail } = view;
  const status = detail?.status;
  const answering = detail !== null && canReply(detail, me, joined);
  const signals = useChatSignals(id, detail, view.timeline.messages, me, answering);

  // Opening a chat moves focus to its heading (the lists may be hidden on small screens).
  const hasDetail = detail !== null;
  useEffect(() => {
    if (hasDetail) headingRef.current?.focus();
  }, [hasDetail]);

  // When a button the agent just used disappears (Accept, Close), focus would fall to the
  // page: after an accept the agent wants to type, after a close there is only the heading.
  useEffect(() => {
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    (sectionRef.current?.querySelector("textarea") ?? headingRef.current)?.focus();
  }, [status]);

  if (!detail) {
    return (
      <section class="chat chat--empty" aria-label="Chat" aria-busy={!view.loadError}>
        {view.loadError ? (
          <p class="error" role="alert">
            {view.loadError.message}
          </p>
        ) : (
          <p>Loading conversation…</p>
        )}
      </section>
    );
  }

  const headingId = `chat-title-${id}`;
  return (
    <section class="chat" aria-labelledby={headingId} ref={sectionRef}>
      <div class="chat-main">
        <ChatHeader
          headingId={headingId}
          headingRef={headingRef}
          view={view}
          detail={detail}
          me={me}
          product={detail.product ? productName(detail.product) : null}
          targets={targets}
          joined={joined}
          onAccept={() => void session.conversations.accept(id)}
          onJoin={() => void session.conversations.join(id)}
          onClose={(reason) => void session.conversations.close(id, reason)}
          onTransferred={onTransferred}
        />
        <MessageList
          messages={view.timeline.messages}
          pending={pendingFor(outbox, id)}
          me={me}
          onDiscard={(clientMsgId) => session.sender.discard(clientMsgId)}
          seenSeq={signals.seenSeq}
        />
        {/* Always there, changed only on start and stop: announced once, politely. */}
        <p class="typing" role="status">
          {signals.typing}
        </p>
        {answering ? (
          signals.drafts && (
            <Composer
              conversationId={id}
              draft={signals.drafts.get(id) ?? ""}
              onDraft={(text) => (text ? signals.drafts?.set(id, text) : signals.drafts?.delete(id))}
              onSend={(body, attachmentIds) => session.sender.send(id, body, attachmentIds)}
              onTyping={signals.onTyping}
              onStopTyping={signals.onStopTyping}
            />
          )
        ) : (
          <p class="chat-note">
            {isOfferedTo(detail, me)
              ? "This chat is ringing you: accept or decline it under Incoming chats."
              : noteFor(detail, me, joined)}
          </p>
        )}
        {detail.status === "closed" && <ChatRating rating={detail.rating} />}
        {canWhisper(detail, me) && detail.assignee?.id !== me.id && (
          <LazyRoute
            inline
            load={loadWhisperBox}
            render={(m) => <m.WhisperBox conversationId={id} agentName={detail.assignee?.name ?? null} />}
          />
        )}
      </div>
      <VisitorPanel detail={detail} />
    </section>
  );
}

function noteFor(detail: ConversationDetailDto, me: AgentDto, joined: boolean): string {
  if (detail.status === "queued") return "Accept this conversation to reply.";
  if (detail.status === "closed") return "This conversation is closed.";
  const who = detail.assignee?.name ?? "Another agent";
  // A lead reads along (monitor mode) until they join; only then does the visitor hear from them.
  if (isLead(me) && !joined) {
    return `You are monitoring this chat: ${who} is handling it. Join the chat to reply to the visitor yourself.`;
  }
  return `${who} is handling this conversation.`;
}
