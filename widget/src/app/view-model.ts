import type { MessageDto } from "@parley/shared";
import { type StartView, startView } from "./availability.ts";
import type { ChatState } from "./chat-state.ts";
import type { OutboxEntry } from "./outbox.ts";

export type TimelineItem =
  | { type: "message"; key: string; message: MessageDto }
  | { type: "pending"; key: string; entry: OutboxEntry }
  | { type: "failed"; key: string; entry: OutboxEntry; reason: string };

export type View =
  | { kind: "unavailable"; reason: string }
  | { kind: StartView }
  | { kind: "conversation"; starting: boolean; timeline: TimelineItem[] };

/** What the panel shows, derived from state alone so it is the same after a reload. */
export function deriveView(state: ChatState): View {
  if (state.fatal) return { kind: "unavailable", reason: state.fatal };
  const starting = state.outbox.some((e) => e.kind === "start");
  // An open conversation stays on screen whatever the availability: it is already someone's to answer.
  if (!starting && (state.composingNew || !state.conversationId)) {
    // A request on its way, or its confirmation, stays on screen even if an agent comes online meanwhile.
    return {
      kind: startView(
        state.availability,
        state.refusedOffline || state.offline.status !== "idle",
        state.leavingMessage,
      ),
    };
  }

  // A chat being started replaces an ended one on screen, so the old transcript is hidden.
  const showHistory = !starting || state.conversation?.status !== "closed";
  const messages = showHistory ? state.messages : [];
  const belongsHere = (e: OutboxEntry) =>
    e.conversationId === undefined || (showHistory && e.conversationId === state.conversationId);
  return {
    kind: "conversation",
    starting,
    timeline: buildTimeline(
      messages,
      state.outbox.filter(belongsHere),
      state.failed.filter((f) => belongsHere(f.entry)),
    ),
  };
}

/**
 * Server messages in seq order, then what is still on its way, then what failed.
 * Items are keyed by clientMsgId so a pending bubble turns into the confirmed message
 * in place instead of being removed and re-announced by the live region.
 */
export function buildTimeline(
  messages: readonly MessageDto[],
  pending: readonly OutboxEntry[],
  failed: readonly { entry: OutboxEntry; reason: string }[],
): TimelineItem[] {
  const delivered = new Set(messages.map((m) => m.clientMsgId));
  const items: TimelineItem[] = messages.map((message) => ({ type: "message", key: message.clientMsgId, message }));
  for (const entry of pending) {
    if (!delivered.has(entry.clientMsgId)) items.push({ type: "pending", key: entry.clientMsgId, entry });
  }
  for (const { entry, reason } of failed) {
    items.push({ type: "failed", key: `failed:${entry.clientMsgId}`, entry, reason });
  }
  return items;
}
