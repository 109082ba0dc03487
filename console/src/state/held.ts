/**
 * Live events that arrive while a snapshot (`inbox:sync`, `team:list`, `site:get`) is in flight are held,
 * then replayed, oldest first, on top of its answer: the server may broadcast a change after reading the
 * snapshot but before answering, and that change must not be lost under the older snapshot. One socket
 * delivers in order, so the replay leaves each thing as the last word the server sent about it.
 */
export interface Holding<E> {
  /** A snapshot is in flight: events are held. */
  readonly syncing: boolean;
  readonly held: readonly E[];
}

export function startHolding<S extends Holding<unknown>>(state: S): S {
  return { ...state, syncing: true, held: [] };
}

/** An event: applied now, or held while a snapshot is in flight. */
export function applyOrHold<S extends Holding<E>, E>(state: S, event: E, apply: (state: S, event: E) => S): S {
  return state.syncing ? { ...state, held: [...state.held, event] } : apply(state, event);
}

/** The snapshot landed (`base` is its state) or failed (`base` is the old state): replay what was held. */
export function replayHeld<S extends Holding<E>, E>(held: readonly E[], base: S, apply: (state: S, event: E) => S): S {
  return held.reduce(apply, { ...base, syncing: false, held: [] });
}
