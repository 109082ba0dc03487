import type { MessageDto, OfflineRequestInput, QueueStatusDto, VisitorConversationDto } from "@parley/shared";
import type { Availability } from "./availability.ts";
import { mergeMessages } from "./messages-store.ts";
import type { OutboxEntry } from "./outbox.ts";

export interface FailedSend {
  entry: OutboxEntry;
  /** Human wording, shown as "not sent: …". */
  reason: string;
}

export interface StartDraft {
  name: string;
  email: string;
  body: string;
  /** A product id, or "" for "Not sure". */
  product: string;
}

/** The offline form's request, from submit to answer. */
export type OfflineSubmission =
  /** `error`: why the server refused the last one, for good. */
  | { status: "idle"; error: string | null }
  /** `problem`: the server's word on why the last attempt did not go through; it is being retried. */
  | { status: "sending"; request: OfflineRequestInput; problem: string | null }
  | { status: "sent"; reference: string };

export interface ChatState {
  connection: "connecting" | "online" | "offline";
  /** Set when the widget cannot work on this page at all (unknown site, origin not allowed). */
  fatal: string | null;
  availability: Availability;
  /**
   * The server refused a start as SUPPORT_OFFLINE: the offline form takes over (prefilled from
   * `startFailure`) until a fresh availability answer says otherwise.
   */
  refusedOffline: boolean;
  offline: OfflineSubmission;
  /** Known before its details: restored from storage, it is shown while the first sync runs. */
  conversationId: string | null;
  conversation: VisitorConversationDto | null;
  /** Where the shown conversation stands in the queue, while it is queued. */
  queue: QueueStatusDto | null;
  /** Messages of `conversationId`, sorted by seq. */
  messages: readonly MessageDto[];
  outbox: readonly OutboxEntry[];
  failed: readonly FailedSend[];
  /** A start the server refused: the pre-chat form shows why and keeps what was typed. */
  startFailure: { reason: string; draft: StartDraft } | null;
  /** The visitor asked for a new chat after the last one ended. */
  composingNew: boolean;
  visitorName: string;
  /** The email the page gave (`Parley('identify', …)`), for the forms. */
  visitorEmail: string;
  panelOpen: boolean;
  /** Bumped whenever focus should move into the panel. */
  focusRequest: number;
  /** Highest seq of the shown chat the agent side has read ("Seen"); only ever rises. */
  agentReadSeq: number;
  /** Names of the agents typing in the shown chat. */
  typing: readonly string[];
  /** Outside support hours the visitor chose to leave a message in the chat rather than the offline form. */
  leavingMessage: boolean;
}

export function initialState(
  conversationId: string | null,
  panelOpen: boolean,
  pendingOffline: OfflineRequestInput | null = null,
): ChatState {
  return {
    connection: "connecting",
    fatal: null,
    availability: null,
    refusedOffline: false,
    offline: pendingOffline
      ? { status: "sending", request: pendingOffline, problem: null }
      : { status: "idle", error: null },
    conversationId,
    conversation: null,
    queue: null,
    messages: [],
    outbox: [],
    failed: [],
    startFailure: null,
    composingNew: false,
    visitorName: "",
    visitorEmail: "",
    panelOpen,
    focusRequest: 0,
    agentReadSeq: 0,
    typing: [],
    leavingMessage: false,
  };
}

/**
 * Whether `incoming` may replace `current` (same conversation). Closed is final.
 *
 * Broadcasts (`pushed`) arrive in the order the server made the changes, so each one wins.
 * Snapshots pulled by an ack or a sync may have been read before a change whose broadcast
 * overtook them (a start's ack, queued, arriving after the broadcast of its acceptance).
 * Status order cannot tell, since a transfer to a product team or a disabled agent puts an
 * active chat back in the queue, and neither can lastSeq alone: the server broadcasts those
 * changes before writing their system note, so lastSeq is unchanged. A pulled snapshot
 * therefore replaces only one with a lower lastSeq: every status change is broadcast,
 * so at an equal lastSeq the broadcast already told us.
 */
export function isNewerSnapshot(
  current: VisitorConversationDto,
  incoming: VisitorConversationDto,
  pushed = false,
): boolean {
  if (current.status === "closed") return incoming.status === "closed" && incoming.lastSeq >= current.lastSeq;
  return pushed || incoming.status === "closed" || incoming.lastSeq > current.lastSeq;
}

/**
 * Shows `dto`: refreshes the current conversation, or switches to another one and drops the old messages.
 * `pushed`: it came as a `conversation:updated` broadcast rather than in an ack or a sync page.
 */
export function withConversation(state: ChatState, dto: VisitorConversationDto, pushed = false): ChatState {
  if (state.conversationId === dto.id) {
    // A read mark only rises, so any snapshot may raise it, even one too old to show otherwise.
    const seen = withAgentRead(state, dto.id, dto.agentReadSeq ?? 0);
    if (state.conversation && !isNewerSnapshot(state.conversation, dto, pushed)) return seen;
    return { ...seen, conversation: dto, queue: dto.status === "queued" ? state.queue : null };
  }
  return {
    ...state,
    conversationId: dto.id,
    conversation: dto,
    queue: null,
    messages: [],
    agentReadSeq: dto.agentReadSeq ?? 0,
    typing: [],
    composingNew: dto.status === "closed" ? state.composingNew : false,
  };
}

export function withMessages(state: ChatState, incoming: readonly MessageDto[]): ChatState {
  const id = state.conversationId;
  if (!id) return state;
  // Staff-only notes are never sent to visitors; if one ever were, it must still not show.
  const messages = mergeMessages(
    state.messages,
    incoming.filter((m) => m.conversationId === id && !m.internal),
  );
  if (messages === state.messages) return state;
  const visitorName = state.visitorName || messages.find((m) => m.author.kind === "visitor")?.author.name || "";
  return { ...state, messages, visitorName };
}

export function withoutConversation(state: ChatState): ChatState {
  return { ...state, conversationId: null, conversation: null, queue: null, messages: [], agentReadSeq: 0, typing: [] };
}

/** The agent side read the shown chat up to `seq`. */
export function withAgentRead(state: ChatState, conversationId: string, seq: number): ChatState {
  return conversationId === state.conversationId && seq > state.agentReadSeq ? { ...state, agentReadSeq: seq } : state;
}

/**
 * Keeps a queue update about the shown conversation; others (an older chat, another tab's) are ignored.
 * It is kept whatever the status: it may overtake the update that puts a transferred chat back in the
 * queue, and the status line only reads it while the chat is queued.
 */
export function withQueue(state: ChatState, status: QueueStatusDto): ChatState {
  return status.conversationId === state.conversationId ? { ...state, queue: status } : state;
}
