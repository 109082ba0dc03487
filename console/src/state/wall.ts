import type {
  AgentRefDto,
  SupervisionSettings,
  TeamMemberDto,
  TicketDto,
  WallAlertDto,
  WallChatDto,
  WallDto,
  WallTicketDto,
} from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { applyOrHold, type Holding, replayHeld, startHolding } from "./held.ts";

// The supervisors' wall (issue 5): every queued and active chat of the site, every agent, the chat alerts.
// `wall:sync` gives the whole floor; `wall:chat`, `wall:alert`, `agent:updated` and `ticket:updated` keep it.
// Pushes carry no version, so the last one the socket delivered wins (one socket delivers in order), and
// pushes that arrive while a snapshot is in flight are replayed on top of it (see held.ts).

export type WallEvent =
  | { readonly kind: "chat"; readonly chat: WallChatDto }
  | { readonly kind: "alert"; readonly alert: WallAlertDto }
  | { readonly kind: "agent"; readonly agent: TeamMemberDto }
  | { readonly kind: "ticket"; readonly ticket: TicketDto };

export interface WallState extends Holding<WallEvent> {
  readonly loaded: boolean;
  /** Why the last snapshot failed (shown until the next one lands). */
  readonly error: ErrorBody | null;
  /** Queued and active chats only, one per id. */
  readonly chats: readonly WallChatDto[];
  /** Tickets made from chats, one per id. */
  readonly tickets: readonly WallTicketDto[];
  readonly agents: readonly TeamMemberDto[];
  /** Active alerts only, oldest first. */
  readonly alerts: readonly WallAlertDto[];
  readonly settings: SupervisionSettings | null;
  /** Server clock minus this browser's clock when the snapshot arrived: add it to Date.now(). */
  readonly skewMs: number;
}

export const emptyWall: WallState = {
  loaded: false,
  error: null,
  chats: [],
  tickets: [],
  agents: [],
  alerts: [],
  settings: null,
  skewMs: 0,
  syncing: false,
  held: [],
};

export function wallSyncStarted(state: WallState): WallState {
  return startHolding(state);
}

/** `receivedAt` is this browser's Date.now() when the answer came, to measure the clock skew. */
export function wallSyncCompleted(state: WallState, wall: WallDto, receivedAt: number): WallState {
  const serverNow = Date.parse(wall.serverTime);
  const base: WallState = {
    ...state,
    loaded: true,
    error: null,
    chats: wall.chats.filter(isOpen),
    tickets: wall.tickets,
    agents: sortAgents(wall.agents),
    alerts: wall.alerts.filter((a) => a.active),
    settings: wall.settings,
    skewMs: Number.isFinite(serverNow) ? serverNow - receivedAt : 0,
  };
  return replayHeld(state.held, base, applyEvent);
}

export function wallSyncFailed(state: WallState, error: ErrorBody): WallState {
  return replayHeld(state.held, { ...state, error }, applyEvent);
}

export function wallEventReceived(state: WallState, event: WallEvent): WallState {
  return applyOrHold(state, event, applyEvent);
}

function applyEvent(state: WallState, event: WallEvent): WallState {
  switch (event.kind) {
    case "chat":
      return chatChanged(state, event.chat);
    case "alert":
      return alertChanged(state, event.alert);
    case "agent":
      return agentChanged(state, event.agent);
    case "ticket":
      return ticketChanged(state, event.ticket);
  }
}

const isOpen = (chat: WallChatDto): boolean => chat.status !== "closed";

/** Upsert by id; a closed chat leaves the wall, and so do its alerts and tickets. */
function chatChanged(state: WallState, chat: WallChatDto): WallState {
  const others = state.chats.filter((c) => c.id !== chat.id);
  if (isOpen(chat)) return { ...state, chats: [...others, chat] };
  return {
    ...state,
    chats: others,
    alerts: state.alerts.filter((a) => a.conversationId !== chat.id),
    tickets: state.tickets.filter((t) => t.conversationId !== chat.id),
  };
}

function alertChanged(state: WallState, alert: WallAlertDto): WallState {
  const others = state.alerts.filter((a) => a.id !== alert.id);
  if (!alert.active) return others.length === state.alerts.length ? state : { ...state, alerts: others };
  const at = state.alerts.findIndex((a) => a.id === alert.id);
  // A repeat keeps its place, so the list does not jump around.
  if (at >= 0) return { ...state, alerts: state.alerts.map((a, i) => (i === at ? alert : a)) };
  return { ...state, alerts: [...state.alerts, alert] };
}

function agentChanged(state: WallState, agent: TeamMemberDto): WallState {
  const others = state.agents.filter((a) => a.id !== agent.id);
  return { ...state, agents: sortAgents([...others, agent]) };
}

/** Only tickets made from a chat matter here; one the wall does not know yet is added if its chat is on it. */
function ticketChanged(state: WallState, ticket: TicketDto): WallState {
  const conversationId = ticket.conversationId;
  if (!conversationId) return state;
  const known = state.tickets.some((t) => t.id === ticket.id);
  if (!known && !state.chats.some((c) => c.id === conversationId)) return state;
  const row: WallTicketDto = {
    id: ticket.id,
    number: ticket.number,
    conversationId,
    priority: ticket.priority,
    status: ticket.status,
    response: ticket.sla.response.state,
    workaround: ticket.sla.workaround?.state ?? null,
  };
  return { ...state, tickets: [...state.tickets.filter((t) => t.id !== ticket.id), row] };
}

const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function sortAgents(list: readonly TeamMemberDto[]): TeamMemberDto[] {
  return [...list].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---- Reading the wall ----

const ms = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
};

/** Since when the visitor has waited for an answer: their last message came after the last agent message. */
export function unansweredSince(chat: WallChatDto): string | null {
  const visitor = ms(chat.lastVisitorMessageAt);
  if (visitor === null || chat.lastVisitorMessageAt === null) return null;
  const agent = ms(chat.lastAgentMessageAt);
  return agent === null || visitor > agent ? chat.lastVisitorMessageAt : null;
}

/** How long a chat has waited, as the wall's "Wait" column reads it. */
export type ChatWait =
  /** In the queue since it started; still running. */
  | { readonly kind: "queued"; readonly ms: number }
  /** Accepted and an agent has replied: the visitor waited this long for the first reply. Fixed. */
  | { readonly kind: "answered"; readonly ms: number }
  /** Accepted, no agent reply yet: time since it was accepted; still running. */
  | { readonly kind: "noReply"; readonly ms: number };

export function chatWait(chat: WallChatDto, now: number): ChatWait {
  const created = ms(chat.createdAt) ?? now;
  if (chat.status === "queued") return { kind: "queued", ms: Math.max(0, now - created) };
  const firstReply = ms(chat.firstAgentReplyAt);
  if (firstReply !== null) return { kind: "answered", ms: Math.max(0, firstReply - created) };
  const assigned = ms(chat.assignedAt) ?? created;
  return { kind: "noReply", ms: Math.max(0, now - assigned) };
}

/** Milliseconds the visitor has been waiting for an answer now, or null when they are not. */
export function unansweredMs(chat: WallChatDto, now: number): number | null {
  const since = ms(unansweredSince(chat));
  return since === null ? null : Math.max(0, now - since);
}

/**
 * A chat a lead should look at: queued past the queue threshold, or active with the visitor waiting for an
 * answer past the unanswered threshold. Without settings (not loaded), any unanswered active chat counts.
 */
export function needsAttention(chat: WallChatDto, now: number, settings: SupervisionSettings | null): boolean {
  if (chat.status === "queued") {
    return settings !== null && chatWait(chat, now).ms >= settings.queueWaitAlertSeconds * 1000;
  }
  const waiting = unansweredMs(chat, now);
  if (waiting === null) return false;
  return settings === null || waiting >= settings.unansweredAlertSeconds * 1000;
}

export interface WallTotals {
  readonly queued: number;
  readonly active: number;
  /** Active chats whose visitor is waiting for an answer. */
  readonly unanswered: number;
  /** The longest a queued chat has waited so far; null with none queued. */
  readonly longestQueueWaitMs: number | null;
  /** The longest a visitor in an active chat has waited for an answer; null when nobody is. */
  readonly longestUnansweredMs: number | null;
}

export function wallTotals(chats: readonly WallChatDto[], now: number): WallTotals {
  let queued = 0;
  let active = 0;
  let unanswered = 0;
  let longestQueueWaitMs: number | null = null;
  let longestUnansweredMs: number | null = null;
  for (const chat of chats) {
    if (chat.status === "queued") {
      queued++;
      const wait = chatWait(chat, now).ms;
      longestQueueWaitMs = Math.max(longestQueueWaitMs ?? 0, wait);
    } else if (chat.status === "active") {
      active++;
      const waiting = unansweredMs(chat, now);
      if (waiting !== null) {
        unanswered++;
        longestUnansweredMs = Math.max(longestUnansweredMs ?? 0, waiting);
      }
    }
  }
  return { queued, active, unanswered, longestQueueWaitMs, longestUnansweredMs };
}

/**
 * The order the wall lists chats in: queued first (longest waiting first), then active chats whose visitor
 * waits for an answer (longest first), then the rest by start.
 */
export function wallOrder(chats: readonly WallChatDto[], now: number): WallChatDto[] {
  const rank = (c: WallChatDto): [number, number] => {
    if (c.status === "queued") return [0, -chatWait(c, now).ms];
    const waiting = unansweredMs(c, now);
    if (waiting !== null) return [1, -waiting];
    return [2, ms(c.createdAt) ?? 0];
  };
  return [...chats].sort((a, b) => {
    const [ga, va] = rank(a);
    const [gb, vb] = rank(b);
    return ga - gb || va - vb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

export interface AgentRow {
  readonly agent: TeamMemberDto;
  /** The chats the agent owns now, by visitor name. */
  readonly chats: readonly WallChatDto[];
  /** The chats ringing the agent. */
  readonly ringing: readonly WallChatDto[];
}

/** Every agent with the chats they hold (from the chats' assignee) and the ones ringing them. */
export function agentRows(state: Pick<WallState, "agents" | "chats">): AgentRow[] {
  return state.agents
    .filter((agent) => !agent.disabled)
    .map((agent) => ({
      agent,
      chats: state.chats.filter((c) => c.status === "active" && c.assignee?.id === agent.id),
      ringing: state.chats.filter((c) => c.status === "queued" && c.offeredTo?.id === agent.id),
    }));
}

/** The tickets made from this chat, the one changed last first. */
export function ticketsOf(state: Pick<WallState, "tickets">, conversationId: string): WallTicketDto[] {
  return state.tickets.filter((t) => t.conversationId === conversationId).reverse();
}

/** The chat as the wall knows it, if it is open. */
export function wallChat(state: Pick<WallState, "chats">, id: string): WallChatDto | null {
  return state.chats.find((c) => c.id === id) ?? null;
}

/** Whether this staff member joined the chat (and may reply in it as themselves). */
export function isParticipant(chat: Pick<WallChatDto, "participants"> | null, me: Pick<AgentRefDto, "id">): boolean {
  return chat?.participants.some((p) => p.id === me.id) ?? false;
}
