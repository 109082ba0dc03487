import type { OfflineRequestDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";

/** Requests left through the offline form, newest first. */
export interface OfflineState {
  readonly requests: readonly OfflineRequestDto[];
  readonly loaded: boolean;
  /** Why the last load failed (it is tried again while connected); cleared by the next success. */
  readonly error: ErrorBody | null;
  /** The last few requests that arrived live, oldest first; a loaded list adds none, as it is not news. */
  readonly arrivals: readonly OfflineArrival[];
}

/** A request announced by `offline:created`, numbered so a view can tell which it has not yet told about. */
export interface OfflineArrival {
  readonly n: number;
  readonly request: OfflineRequestDto;
}

/** Enough for a burst between two renders; older arrivals have been announced or never will be. */
const KEPT_ARRIVALS = 10;

export const emptyOffline: OfflineState = { requests: [], loaded: false, error: null, arrivals: [] };

/**
 * A request never changes once made, so a snapshot and live events merge as a plain union by id: an
 * `offline:created` that raced the `offline:list` answer is kept whichever arrived first.
 */
export function offlineReceived(state: OfflineState, incoming: readonly OfflineRequestDto[]): OfflineState {
  const byId = new Map(state.requests.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, r);
  return { ...state, requests: newestFirst([...byId.values()]) };
}

/** An `offline:created` event. One already listed (the list's answer overtook it) is not new. */
export function offlineCreated(state: OfflineState, request: OfflineRequestDto): OfflineState {
  if (state.requests.some((r) => r.id === request.id)) return state;
  const arrival = { n: lastArrival(state.arrivals) + 1, request };
  return { ...offlineReceived(state, [request]), arrivals: [...state.arrivals, arrival].slice(-KEPT_ARRIVALS) };
}

export function lastArrival(arrivals: readonly OfflineArrival[]): number {
  return arrivals.at(-1)?.n ?? 0;
}

/** What to say about the arrivals after number `seen`; "" when there are none. */
export function arrivalAnnouncement(arrivals: readonly OfflineArrival[], seen: number): string {
  return arrivals
    .filter((a) => a.n > seen)
    .map(({ request }) => `New offline request ${request.reference} from ${request.name}`)
    .join(". ");
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
