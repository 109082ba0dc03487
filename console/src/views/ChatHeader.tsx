import type { AgentDto, ConversationDetailDto } from "@parley/shared";
import { CLOSE_REASON_LABELS, type StaffCloseReason } from "@parley/shared/constants";
import type { RefObject } from "preact";
import { BASE_PATH, navigate, pathFor } from "../router.ts";
import {
  type ConversationView,
  canAccept,
  canClose,
  canJoin,
  canTransfer,
  isOfferedTo,
} from "../state/conversation.ts";
import type { TransferTargets } from "../state/transfer.ts";
import { CloseButton } from "./CloseButton.tsx";
import { Link } from "./Link.tsx";
import { TransferButton } from "./TransferButton.tsx";
import { useChatTicket } from "./useChatTicket.ts";

interface ChatHeaderProps {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  view: ConversationView;
  detail: ConversationDetailDto;
  me: AgentDto;
  product: string | null;
  targets: TransferTargets;
  joined: boolean;
  onAccept: () => void;
  onJoin: () => void;
  onClose: (reason: StaffCloseReason) => void;
  onTransferred: (text: string) => void;
}

export function ChatHeader(props: ChatHeaderProps) {
  const {
    headingId,
    headingRef,
    view,
    detail,
    me,
    product,
    targets,
    joined,
    onAccept,
    onJoin,
    onClose,
    onTransferred,
  } = props;
  const busy = view.pendingAction !== null;
  const ticket = useChatTicket(detail.id);
  // A failed resync (say, the chat went to someone else) matters as much as a refused action.
  const problem = view.actionError ?? view.loadError;
  // aria-disabled rather than disabled: a disabled button drops keyboard focus.
  const guard = (action: () => void) => () => {
    if (!busy) action();
  };
  return (
    <header class="chat-header">
      {/* A closed chat is part of the history (it is opened from there, a ticket or the visitor panel). */}
      {detail.status === "closed" ? (
        <Link href={pathFor({ name: "history" })} class="back">
          Back to history
        </Link>
      ) : (
        <Link href={BASE_PATH} class="back">
          Back to inbox
        </Link>
      )}
      <div class="chat-title">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {detail.visitorName}
        </h2>
        <p class={`badge badge--${detail.status}`}>{statusText(detail, me)}</p>
        {joined && detail.status === "active" && <p class="badge badge--joined">You joined</p>}
        {product && <p class="badge badge--product">{product}</p>}
        {detail.leftMessage && <p class="badge">Left after hours</p>}
        {detail.visitorLeftAt && detail.status !== "closed" && <p class="badge badge--left">Visitor left</p>}
      </div>
      <div class="chat-actions">
        {/* A chat ringing me is answered under "Incoming chats", so there is one Accept for it, not two. */}
        {canAccept(detail) && !isOfferedTo(detail, me) && (
          <button type="button" class="primary" aria-disabled={busy} onClick={guard(onAccept)}>
            Accept
          </button>
        )}
        {canJoin(detail, me, joined) && (
          <button type="button" class="primary" aria-disabled={busy} onClick={guard(onJoin)}>
            Join chat
          </button>
        )}
        {canTransfer(detail, me) && <TransferButton detail={detail} targets={targets} onTransferred={onTransferred} />}
        {/* Open and closed chats alike: a ticket often follows a chat that ended without an answer. */}
        {ticket ? (
          <Link href={pathFor({ name: "ticket", id: ticket.id })} class="button-link">
            Ticket {ticket.number}
          </Link>
        ) : (
          <button
            type="button"
            class="quiet"
            onClick={() => navigate(pathFor({ name: "ticketNew", source: { kind: "chat", id: detail.id } }))}
          >
            Create ticket
          </button>
        )}
        {canClose(detail, me) && <CloseButton visitorName={detail.visitorName} busy={busy} onClose={onClose} />}
      </div>
      {problem && (
        <p class="error chat-error" role="alert">
          {problem.message}
        </p>
      )}
    </header>
  );
}

function statusText(c: ConversationDetailDto, me: AgentDto): string {
  switch (c.status) {
    case "queued":
      if (c.offer) return c.offer.agent.id === me.id ? "Ringing you" : `Offered to ${c.offer.agent.name}`;
      return "Waiting for an agent";
    case "closed":
      return c.closeReason ? `Closed: ${CLOSE_REASON_LABELS[c.closeReason]}` : "Closed";
    case "active":
      return c.assignee?.id === me.id ? "Assigned to you" : `Assigned to ${c.assignee?.name ?? "another agent"}`;
  }
}
