import { describe, expect, it } from "vitest";
import { addMessage, applyLiveMessage, applyPage, emptyTimeline, markStale, mergeMessages } from "../messages.ts";
import { msg } from "./fixtures.ts";

const seqs = (t: { messages: readonly { seq: number }[] }) => t.messages.map((m) => m.seq);

describe("mergeMessages", () => {
  it("sorts by seq and never duplicates an id", () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), msg(3), msg(1)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("replaces a message by id with the incoming copy", () => {
    const merged = mergeMessages([msg(1)], [msg(1, { body: "edited" })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.body).toBe("edited");
  });

  it("returns the same array when nothing arrives", () => {
    const existing = [msg(1)];
    expect(mergeMessages(existing, [])).toBe(existing);
  });
});

describe("timeline", () => {
  it("pages advance the cursor to the last seq and go live on the final page", () => {
    const first = applyPage(emptyTimeline, { messages: [msg(1), msg(2)], hasMore: true });
    expect(first).toMatchObject({ cursor: 2, live: false });
    const second = applyPage(first, { messages: [msg(3)], hasMore: false });
    expect(second).toMatchObject({ cursor: 3, live: true });
    expect(seqs(second)).toEqual([1, 2, 3]);
  });

  it("keeps the cursor on an empty page", () => {
    const t = applyPage({ ...emptyTimeline, cursor: 7 }, { messages: [], hasMore: false });
    expect(t.cursor).toBe(7);
  });

  it("a live message during paging is shown but does not skip the unfetched ones", () => {
    const paging = applyPage(emptyTimeline, { messages: [msg(1), msg(2)], hasMore: true });
    const withLive = applyLiveMessage(paging, msg(900));
    expect(seqs(withLive)).toEqual([1, 2, 900]);
    expect(withLive.cursor).toBe(2);
  });

  it("live messages move the cursor once synced", () => {
    const synced = applyPage(emptyTimeline, { messages: [msg(1)], hasMore: false });
    expect(applyLiveMessage(synced, msg(2)).cursor).toBe(2);
  });

  it("holds the cursor at a gap when live messages from several nodes arrive out of order", () => {
    let t = applyPage(emptyTimeline, { messages: [msg(1)], hasMore: false });
    // Seq 3 was written through another node and overtook 2.
    t = applyLiveMessage(t, msg(3));
    expect(t.cursor).toBe(1);
    t = applyLiveMessage(t, msg(2));
    expect(seqs(t)).toEqual([1, 2, 3]);
    expect(t.cursor).toBe(3);
    // 4's node died before broadcasting it: 5 must not carry the cursor past it, so the next resync fetches it.
    t = applyLiveMessage(t, msg(5));
    expect(t.cursor).toBe(3);
    t = applyPage(markStale(t), { messages: [msg(4), msg(5)], hasMore: false });
    expect(seqs(t)).toEqual([1, 2, 3, 4, 5]);
    expect(t.cursor).toBe(5);
  });

  it("after a disconnect, resyncs from the last seq and merges missed messages in order without duplicates", () => {
    let t = applyPage(emptyTimeline, { messages: [msg(1), msg(2)], hasMore: false });
    t = applyLiveMessage(t, msg(3));
    t = markStale(t);
    // Arrives between reconnect and the resync answer: must not move the cursor past 4 and 5.
    t = applyLiveMessage(t, msg(6));
    expect(t.cursor).toBe(3);
    t = applyPage(t, { messages: [msg(4), msg(5), msg(6)], hasMore: false });
    expect(seqs(t)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t).toMatchObject({ cursor: 6, live: true });
  });

  it("an acked message is added without moving the cursor", () => {
    const synced = applyPage(emptyTimeline, { messages: [msg(1)], hasMore: false });
    const t = addMessage(synced, msg(5));
    expect(seqs(t)).toEqual([1, 5]);
    expect(t.cursor).toBe(1);
  });
});
