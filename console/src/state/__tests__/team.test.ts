import { describe, expect, it } from "vitest";
import { emptyTeam, memberUpdated, teamSyncCompleted, teamSyncFailed, teamSyncStarted } from "../team.ts";
import { member } from "./fixtures.ts";

const names = (s: { members: readonly { name: string; status: string }[] }) =>
  s.members.map((m) => `${m.name}:${m.status}`);

describe("team", () => {
  const loaded = teamSyncCompleted(teamSyncStarted(emptyTeam), [
    member(2, { name: "bea" }),
    member(1, { name: "Ana" }),
    member(10, { name: "Agent 10" }),
    member(9, { name: "Agent 9" }),
  ]);

  it("sorts members by name, ignoring case and reading numbers as numbers", () => {
    expect(loaded.loaded).toBe(true);
    expect(names(loaded)).toEqual(["Agent 9:online", "Agent 10:online", "Ana:online", "bea:online"]);
  });

  it("replaces a member on agent:updated and adds one it did not know", () => {
    let next = memberUpdated(loaded, member(1, { name: "Ana", status: "away" }));
    next = memberUpdated(next, member(3, { name: "Cy" }));
    expect(names(next)).toEqual(["Agent 9:online", "Agent 10:online", "Ana:away", "bea:online", "Cy:online"]);
  });

  it("replays updates received during a sync on top of its answer, in order", () => {
    let state = teamSyncStarted(loaded);
    state = memberUpdated(state, member(1, { name: "Ana", status: "away" }));
    state = memberUpdated(state, member(1, { name: "Ana", status: "offline" }));
    expect(state.held).toHaveLength(2);
    const done = teamSyncCompleted(state, [member(1, { name: "Ana", status: "online" })]);
    expect(names(done)).toEqual(["Ana:offline"]);
    expect(done.syncing).toBe(false);
  });

  it("keeps the old list plus held updates when a sync fails", () => {
    const state = memberUpdated(teamSyncStarted(loaded), member(2, { name: "bea", load: 2 }));
    const failed = teamSyncFailed(state);
    expect(failed.members.find((m) => m.name === "bea")?.load).toBe(2);
    expect(failed.members).toHaveLength(4);
  });
});
