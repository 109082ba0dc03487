import type { SupervisionSettings, TeamMemberDto, WallChatDto, WallTicketDto } from "@parley/shared";
import type { WallState } from "./wall.ts";

// Reading the wall: waits, unanswered visitors, totals, order and who holds what. Apart from the reducer
// (wall.ts) so these stay in the wall page's lazy chunk rather than the console's main one.

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
