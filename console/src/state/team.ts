import type { TeamMemberDto } from "@parley/shared";
import { applyOrHold, type Holding, replayHeld, startHolding } from "./held.ts";

/** The site's staff as `team:list` and `agent:updated` describe them. */
export interface TeamState extends Holding<TeamMemberDto> {
  /** Sorted by name, one entry per id. */
  readonly members: readonly TeamMemberDto[];
  readonly loaded: boolean;
}

export const emptyTeam: TeamState = { members: [], loaded: false, syncing: false, held: [] };

// Updates carry no version: the last one the socket delivered about a member wins.
export function teamSyncStarted(state: TeamState): TeamState {
  return startHolding(state);
}

export function teamSyncCompleted(state: TeamState, members: readonly TeamMemberDto[]): TeamState {
  return replayHeld(state.held, { ...state, members: sortMembers(members), loaded: true }, upsert);
}

export function teamSyncFailed(state: TeamState): TeamState {
  return replayHeld(state.held, state, upsert);
}

/** An `agent:updated` event, or the agent an admin command returned. */
export function memberUpdated(state: TeamState, member: TeamMemberDto): TeamState {
  return applyOrHold(state, member, upsert);
}

function upsert(state: TeamState, member: TeamMemberDto): TeamState {
  const others = state.members.filter((m) => m.id !== member.id);
  return { ...state, members: sortMembers([...others, member]) };
}

const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function sortMembers(list: readonly TeamMemberDto[]): TeamMemberDto[] {
  return [...list].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
