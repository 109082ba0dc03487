import type { ConversationSummaryDto } from "@parley/shared";

type Summary = ConversationSummaryDto;

/** Messages in the chat after the highest one this side has read (never negative). */
export function unreadCount(c: Summary): number {
  return Math.max(0, c.lastSeq - c.readSeq.agent);
}

/**
 * Since when the visitor has been waiting for an answer: their latest message, if no agent wrote after it;
 * null when the agent spoke last (or nobody has written yet).
 */
export function waitingSince(c: Summary): string | null {
  const visitor = c.lastVisitorMessageAt;
  if (visitor === null) return null;
  const agent = c.lastAgentMessageAt;
  return agent === null || Date.parse(visitor) > Date.parse(agent) ? visitor : null;
}

/** "Vera: is anyone there?", "Agent: …", or the system's words alone; null before any message. */
export function lastMessageText(c: Summary): string | null {
  const last = c.lastMessage;
  if (!last) return null;
  if (last.authorKind === "visitor") return `${c.visitorName}: ${last.body}`;
  if (last.authorKind === "agent") return `Agent: ${last.body}`;
  return last.body;
}

/**
 * "My chats" in the order to answer them: chats waiting for an answer first, the longest wait first; then
 * the rest, most recent activity first. ISO-8601 UTC strings from the server compare correctly as strings.
 */
export function orderMine(list: readonly Summary[]): Summary[] {
  return [...list].sort((a, b) => {
    const wa = waitingSince(a);
    const wb = waitingSince(b);
    if (wa !== null && wb !== null) return compare(wa, wb) || compare(a.id, b.id);
    if (wa !== null) return -1;
    if (wb !== null) return 1;
    return compare(b.updatedAt, a.updatedAt) || compare(a.id, b.id);
  });
}

/** The next chat of mine waiting for an answer after `currentId` (wrapping), for the "next chat" shortcut. */
export function nextWaitingChat(mine: readonly Summary[], currentId: string | null): string | null {
  const waiting = orderMine(mine).filter((c) => waitingSince(c) !== null);
  if (waiting.length === 0) return null;
  const at = waiting.findIndex((c) => c.id === currentId);
  return (waiting[(at + 1) % waiting.length] as Summary).id;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
