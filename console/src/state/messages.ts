import type { MessageDto } from "@parley/shared";

/** The messages of one conversation as this console knows them. Pure values only. */
export interface Timeline {
  /** Ascending by seq, at most one entry per id. */
  readonly messages: readonly MessageDto[];
  /**
   * Every message with seq ≤ cursor has been received, so a resync asks for `afterSeq: cursor`.
   * Seqs may have gaps (the server does not reuse a seq lost to a race), which is harmless here.
   */
  readonly cursor: number;
  /**
   * Fully synced and still in the conversation's room, so live messages may move the cursor. False
   * while paging or after a disconnect, when a live message can jump ahead of ones not fetched yet.
   */
  readonly live: boolean;
}

export const emptyTimeline: Timeline = { messages: [], cursor: 0, live: false };

/** Upsert by id, ordered by seq: the same message from a sync, an event and an ack lands once. */
export function mergeMessages(existing: readonly MessageDto[], incoming: readonly MessageDto[]): readonly MessageDto[] {
  if (incoming.length === 0) return existing;
  const byId = new Map<string, MessageDto>();
  for (const m of existing) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** A page answered by `conversation:sync`: complete up to its last seq. */
export function applyPage(t: Timeline, page: { messages: readonly MessageDto[]; hasMore: boolean }): Timeline {
  const last = page.messages.at(-1);
  return {
    messages: mergeMessages(t.messages, page.messages),
    cursor: last ? Math.max(t.cursor, last.seq) : t.cursor,
    live: !page.hasMore,
  };
}

/**
 * A `message:new` event. It moves the cursor only along unbroken seqs: with several server nodes, messages
 * written through different nodes can arrive out of order, and one whose node died before broadcasting it never
 * arrives live. A cursor that jumped past it would make the next resync skip it for good; one held at the gap
 * makes the resync fetch it (a legitimate gap, a seq lost to a race, costs a refetch of the tail, nothing more).
 */
export function applyLiveMessage(t: Timeline, message: MessageDto): Timeline {
  const messages = mergeMessages(t.messages, [message]);
  let cursor = t.cursor;
  if (t.live) for (const m of messages) if (m.seq === cursor + 1) cursor = m.seq;
  return { messages, cursor, live: t.live };
}

/** A message known from elsewhere (a send's ack): shown, but says nothing about what came before it. */
export function addMessage(t: Timeline, message: MessageDto): Timeline {
  return { ...t, messages: mergeMessages(t.messages, [message]) };
}

/** The socket dropped: whatever arrived in between must come from a resync. */
export function markStale(t: Timeline): Timeline {
  return t.live ? { ...t, live: false } : t;
}
