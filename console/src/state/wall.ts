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

// The supervisors' wall: every queued and active chat of the site, every agent, the chat alerts.
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

/** The chat as the wall knows it, if it is open. */
export function wallChat(state: Pick<WallState, "chats">, id: string): WallChatDto | null {
  return state.chats.find((c) => c.id === id) ?? null;
}

/** Whether this staff member joined the chat (and may reply in it as themselves). */
export function isParticipant(chat: Pick<WallChatDto, "participants"> | null, me: Pick<AgentRefDto, "id">): boolean {
  return chat?.participants.some((p) => p.id === me.id) ?? false;
}
