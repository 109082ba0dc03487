import type { OfflineRequestDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";

/** Requests left through the offline form, newest first. */
export interface OfflineState {
  readonly requests: readonly OfflineRequestDto[];
  readonly loaded: boolean;
  /** Why the last load failed (it is tried again while connected); cleared by the next success. */
  readonly error: ErrorBody | null;
}

export const emptyOffline: OfflineState = { requests: [], loaded: false, error: null };

/**
 * A request never changes once made, so a snapshot and live events merge as a plain union by id: an
 * `offline:created` that raced the `offline:list` answer is kept whichever arrived first.
 */
export function offlineReceived(state: OfflineState, incoming: readonly OfflineRequestDto[]): OfflineState {
  const byId = new Map(state.requests.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, r);
  return { ...state, requests: newestFirst([...byId.values()]) };
}

export function offlineLoaded(state: OfflineState, requests: readonly OfflineRequestDto[]): OfflineState {
  return { ...offlineReceived(state, requests), loaded: true, error: null };
}

export function offlineFailed(state: OfflineState, error: ErrorBody): OfflineState {
  return { ...state, error };
}

// ISO-8601 UTC strings from the server compare correctly as strings.
function newestFirst(list: OfflineRequestDto[]): OfflineRequestDto[] {
  return list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}
