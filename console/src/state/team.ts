import type { TeamMemberDto } from "@parley/shared";

/** The site's staff as `team:list` and `agent:updated` describe them. */
export interface TeamState {
  /** Sorted by name, one entry per id. */
  readonly members: readonly TeamMemberDto[];
  readonly loaded: boolean;
  /**
   * A `team:list` is in flight: updates are held and replayed on its answer. They carry no version, but
   * one socket delivers in order, so replaying every update received before the answer, oldest first,
   * leaves each member as the last word the server sent about them.
   */
  readonly syncing: boolean;
  readonly held: readonly TeamMemberDto[];
}

export const emptyTeam: TeamState = { members: [], loaded: false, syncing: false, held: [] };

export function teamSyncStarted(state: TeamState): TeamState {
  return { ...state, syncing: true, held: [] };
}

export function teamSyncCompleted(state: TeamState, members: readonly TeamMemberDto[]): TeamState {
  const next: TeamState = { members: sortMembers(members), loaded: true, syncing: false, held: [] };
  return state.held.reduce(upsert, next);
}

export function teamSyncFailed(state: TeamState): TeamState {
  return state.held.reduce(upsert, { ...state, syncing: false, held: [] });
}

/** An `agent:updated` event, or the agent an admin command returned. */
export function memberUpdated(state: TeamState, member: TeamMemberDto): TeamState {
  if (state.syncing) return { ...state, held: [...state.held, member] };
  return upsert(state, member);
}

function upsert(state: TeamState, member: TeamMemberDto): TeamState {
  const others = state.members.filter((m) => m.id !== member.id);
  return { ...state, members: sortMembers([...others, member]) };
}

const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function sortMembers(list: readonly TeamMemberDto[]): TeamMemberDto[] {
  return [...list].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
