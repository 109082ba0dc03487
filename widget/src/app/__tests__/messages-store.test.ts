import { describe, expect, it } from "vitest";
import { lastSeq, mergeMessages } from "../messages-store.ts";
import { message } from "./fixtures.ts";

const seqs = (list: readonly { seq: number }[]) => list.map((m) => m.seq);

describe("mergeMessages", () => {
  it("appends new messages and keeps them sorted by seq", () => {
    const merged = mergeMessages([message(1), message(3)], [message(4), message(2)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it("never shows the same message twice, whether matched by id or clientMsgId", () => {
    const first = mergeMessages([], [message(1), message(2)]);
    const again = mergeMessages(first, [message(2), message(1)]);
    expect(again).toBe(first);
    const sameClientId = mergeMessages(first, [message(2, { id: "ffffffffffffffffffffffff" })]);
    expect(seqs(sameClientId)).toEqual([1, 2]);
    expect(sameClientId[1]?.id).toBe("ffffffffffffffffffffffff");
  });

  it("dedups within one incoming batch", () => {
    expect(seqs(mergeMessages([], [message(5), message(5), message(4)]))).toEqual([4, 5]);
  });

  it("treats equal clientMsgIds of different conversations as different messages", () => {
    const other = message(1, { id: "aaaaaaaaaaaaaaaaaaaaaaaa", conversationId: "bbbbbbbbbbbbbbbbbbbbbbbb" });
    expect(mergeMessages([message(1)], [other])).toHaveLength(2);
  });

  it("returns the same array when nothing changes, so renders can be skipped", () => {
    const list = [message(1)];
    expect(mergeMessages(list, [])).toBe(list);
    expect(mergeMessages(list, [message(1)])).toBe(list);
  });

  it("does not mutate its inputs", () => {
    const list = [message(2)];
    mergeMessages(list, [message(1)]);
    expect(seqs(list)).toEqual([2]);
  });

  it("handles seq gaps (seqs increase but are not contiguous)", () => {
    expect(seqs(mergeMessages([message(1), message(7)], [message(3)]))).toEqual([1, 3, 7]);
    expect(lastSeq(mergeMessages([message(1), message(7)], [message(3)]))).toBe(7);
    expect(lastSeq([])).toBe(0);
  });
});
