import type { ConversationSummaryDto } from "@parley/shared";
import { applyOrHold, type Holding, replayHeld, startHolding } from "./held.ts";
import { orderMine } from "./inbox-rows.ts";

type Summary = ConversationSummaryDto;

/** While an `inbox:sync` is in flight, updates are held back and replayed on its answer. */
export interface InboxState extends Holding<Summary> {
  /** Queued conversations, oldest first. */
  readonly waiting: readonly Summary[];
  /** Active conversations assigned to me: waiting for my answer first (longest wait first), then by activity. */
  readonly mine: readonly Summary[];
  /** Newest `updatedAt` seen per conversation, so an update that is older than what we show is ignored. */
  readonly versions: ReadonlyMap<string, string>;
  /** At least one sync has landed (distinguishes "empty" from "not loaded yet"). */
  readonly loaded: boolean;
}

export const emptyInbox: InboxState = {
  waiting: [],
  mine: [],
  versions: new Map(),
  syncing: false,
  held: [],
  loaded: false,
};

export type Placement = "waiting" | "mine" | null;

export function placement(c: Summary, meId: string): Placement {
  if (c.status === "queued") return "waiting";
  if (c.status === "active" && c.assignee?.id === meId) return "mine";
  return null;
}

export function syncStarted(state: InboxState): InboxState {
  return startHolding(state);
}

/** Replaces both lists, then replays the updates that arrived while the sync was in flight. */
export function syncCompleted(
  state: InboxState,
  lists: { waiting: readonly Summary[]; mine: readonly Summary[] },
  meId: string,
): InboxState {
  const versions = new Map(state.versions);
  // The snapshot was read after every event received before the request, so its rows win over those.
  for (const c of [...lists.waiting, ...lists.mine]) versions.set(c.id, c.updatedAt);
  const next = { ...state, waiting: sortWaiting(lists.waiting), mine: sortMine(lists.mine), versions, loaded: true };
  return replayHeld(state.held, next, applyUpdateFor(meId));
}

/** The sync failed (it will be retried on reconnect): keep the old lists plus what was held. */
export function syncFailed(state: InboxState, meId: string): InboxState {
  return replayHeld(state.held, state, applyUpdateFor(meId));
}

/** A `conversation:updated` event. */
export function updateReceived(state: InboxState, c: Summary, meId: string): InboxState {
  return applyOrHold(state, c, applyUpdateFor(meId));
}

/**
 * A `conversation:read` for the staff side. Not a summary (its `updatedAt` would reorder "My chats"): only the
 * row's read mark rises, never falls, and the row keeps its place.
 */
export function readMarked(state: InboxState, conversationId: string, seq: number): InboxState {
  const raise = (list: readonly Summary[]) =>
    list.map((c) =>
      c.id === conversationId && c.readSeq.agent < seq ? { ...c, readSeq: { ...c.readSeq, agent: seq } } : c,
    );
  return { ...state, waiting: raise(state.waiting), mine: raise(state.mine) };
}

function applyUpdateFor(meId: string) {
  return (state: InboxState, c: Summary) => applyUpdate(state, c, meId);
}

function applyUpdate(state: InboxState, c: Summary, meId: string): InboxState {
  const known = state.versions.get(c.id);
  if (known !== undefined && c.updatedAt < known) return state;
  const versions = new Map(state.versions).set(c.id, c.updatedAt);
  const waiting = state.waiting.filter((x) => x.id !== c.id);
  const mine = state.mine.filter((x) => x.id !== c.id);
  const place = placement(c, meId);
  if (place === "waiting") waiting.push(c);
  if (place === "mine") mine.push(c);
  return { ...state, versions, waiting: sortWaiting(waiting), mine: sortMine(mine) };
}

// ISO-8601 UTC strings from the server compare correctly as strings.
function sortWaiting(list: readonly Summary[]): Summary[] {
  return [...list].sort((a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id));
}

const sortMine = orderMine;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
