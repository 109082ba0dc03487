import { describe, expect, it } from "vitest";
import { emptyInbox, placement, readMarked, syncCompleted, syncFailed, syncStarted, updateReceived } from "../inbox.ts";
import { ME, OTHER, summary } from "./fixtures.ts";

const ids = (list: readonly { visitorName: string }[]) => list.map((c) => c.visitorName);
const mine = { status: "active" as const, assignee: { id: ME.id, name: ME.name } };
const theirs = { status: "active" as const, assignee: OTHER };

describe("placement", () => {
  it("puts queued in waiting, my active chats in mine, and drops the rest", () => {
    expect(placement(summary(1), ME.id)).toBe("waiting");
    expect(placement(summary(1, mine), ME.id)).toBe("mine");
    expect(placement(summary(1, theirs), ME.id)).toBeNull();
    expect(placement(summary(1, { ...mine, status: "closed" }), ME.id)).toBeNull();
  });
});

describe("inbox", () => {
  const synced = syncCompleted(
    syncStarted(emptyInbox),
    { waiting: [summary(3), summary(1)], mine: [summary(2, mine), summary(4, mine)] },
    ME.id,
  );

  it("replaces both lists on sync: waiting oldest first, mine most recent first", () => {
    expect(synced.loaded).toBe(true);
    expect(ids(synced.waiting)).toEqual(["Visitor 1", "Visitor 3"]);
    expect(ids(synced.mine)).toEqual(["Visitor 4", "Visitor 2"]);
  });

  it("moves a conversation from waiting to mine when I accept it", () => {
    const next = updateReceived(synced, summary(1, { ...mine, updatedAt: "2025-01-01T12:01:00.000Z" }), ME.id);
    expect(ids(next.waiting)).toEqual(["Visitor 3"]);
    expect(ids(next.mine)).toEqual(["Visitor 1", "Visitor 4", "Visitor 2"]);
  });

  it("removes a conversation another agent took, and one that closed", () => {
    let next = updateReceived(synced, summary(3, { ...theirs, updatedAt: "2025-01-01T12:01:00.000Z" }), ME.id);
    next = updateReceived(
      next,
      summary(2, { ...mine, status: "closed", updatedAt: "2025-01-01T12:01:00.000Z" }),
      ME.id,
    );
    expect(ids(next.waiting)).toEqual(["Visitor 1"]);
    expect(ids(next.mine)).toEqual(["Visitor 4"]);
  });

  it("adds a new queued conversation and ignores an update older than the row shown", () => {
    let next = updateReceived(synced, summary(5), ME.id);
    expect(ids(next.waiting)).toEqual(["Visitor 1", "Visitor 3", "Visitor 5"]);
    next = updateReceived(next, summary(4, { updatedAt: "2025-01-01T11:00:00.000Z" }), ME.id);
    expect(ids(next.mine)).toContain("Visitor 4");
    expect(ids(next.waiting)).not.toContain("Visitor 4");
  });

  it("replays updates that arrived while a sync was in flight on top of its answer", () => {
    let state = syncStarted(synced);
    // Taken by another agent after the server read the lists, announced before the answer.
    state = updateReceived(state, summary(7, { ...theirs, updatedAt: "2025-01-01T12:05:00.000Z" }), ME.id);
    state = updateReceived(state, summary(8, { updatedAt: "2025-01-01T12:05:00.000Z" }), ME.id);
    // An update older than the snapshot's row must not undo it.
    state = updateReceived(state, summary(9, { updatedAt: "2025-01-01T11:00:00.000Z" }), ME.id);
    expect(state.held).toHaveLength(3);
    const done = syncCompleted(
      state,
      {
        waiting: [summary(7, { updatedAt: "2025-01-01T12:04:00.000Z" })],
        mine: [summary(9, { ...mine, updatedAt: "2025-01-01T12:04:00.000Z" })],
      },
      ME.id,
    );
    expect(ids(done.waiting)).toEqual(["Visitor 8"]);
    expect(ids(done.mine)).toEqual(["Visitor 9"]);
    expect(done.held).toEqual([]);
    expect(done.syncing).toBe(false);
  });

  it("keeps the old lists and applies held updates when a sync fails", () => {
    const state = updateReceived(syncStarted(synced), summary(5), ME.id);
    const failed = syncFailed(state, ME.id);
    expect(failed.syncing).toBe(false);
    expect(ids(failed.waiting)).toEqual(["Visitor 1", "Visitor 3", "Visitor 5"]);
  });
});

describe("readMarked", () => {
  const mineActive = (n: number, lastSeq: number) =>
    summary(n, {
      status: "active",
      assignee: { id: ME.id, name: ME.name },
      lastSeq,
      readSeq: { visitor: 0, agent: 1 },
    });

  it("raises the row's staff read mark without moving the row, and never lowers it", () => {
    const loaded = syncCompleted(
      syncStarted(emptyInbox),
      { waiting: [], mine: [mineActive(1, 5), mineActive(2, 9)] },
      ME.id,
    );
    const order = loaded.mine.map((c) => c.id);
    const read = readMarked(loaded, summary(2).id, 9);
    expect(read.mine.map((c) => c.id)).toEqual(order);
    expect(read.mine.find((c) => c.id === summary(2).id)?.readSeq.agent).toBe(9);
    expect(read.mine.find((c) => c.id === summary(1).id)?.readSeq.agent).toBe(1);
    expect(readMarked(read, summary(2).id, 4).mine.find((c) => c.id === summary(2).id)?.readSeq.agent).toBe(9);
  });
});
