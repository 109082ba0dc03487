import { describe, expect, it } from "vitest";
import { type Candidate, rankCandidates } from "../candidate-ranking.ts";

const at = (iso: string) => new Date(iso);
const agent = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  load: 0,
  capacity: 3,
  products: [],
  lastAssignedAt: null,
  ...over,
});
const ids = (list: Candidate[]) => list.map((c) => c.id);
const anyChat = { product: null, declinedBy: [] };

describe("rankCandidates", () => {
  it("should put the least busy agent first", () => {
    const ranked = rankCandidates([agent("a", { load: 2 }), agent("b", { load: 0 }), agent("c", { load: 1 })], anyChat);
    expect(ids(ranked)).toEqual(["b", "c", "a"]);
  });

  it("should break a tie in load by who has waited longest since their last assignment", () => {
    const ranked = rankCandidates(
      [
        agent("recent", { load: 1, lastAssignedAt: at("2026-11-26T10:05:00Z") }),
        agent("earlier", { load: 1, lastAssignedAt: at("2026-11-26T10:00:00Z") }),
        agent("never", { load: 1, lastAssignedAt: null }),
      ],
      anyChat,
    );
    expect(ids(ranked)).toEqual(["never", "earlier", "recent"]);
  });

  it("should prefer agents who support the chat's product even when they are busier", () => {
    const ranked = rankCandidates([agent("idle"), agent("expert", { load: 2, products: ["billing"] })], {
      product: "billing",
      declinedBy: [],
    });
    expect(ids(ranked)).toEqual(["expert", "idle"]);
  });

  it("should still offer a chat about a product nobody online supports", () => {
    expect(ids(rankCandidates([agent("a")], { product: "billing", declinedBy: [] }))).toEqual(["a"]);
  });

  it("should leave out agents at capacity and agents who declined the chat", () => {
    const ranked = rankCandidates(
      [agent("full", { load: 3 }), agent("declined"), agent("zero", { capacity: 0 }), agent("ok", { load: 2 })],
      { product: null, declinedBy: ["declined"] },
    );
    expect(ids(ranked)).toEqual(["ok"]);
  });

  it("should order equal agents by id, the same way every time", () => {
    const list = [agent("c"), agent("a"), agent("b")];
    expect(ids(rankCandidates(list, anyChat))).toEqual(["a", "b", "c"]);
    expect(ids(rankCandidates([...list].reverse(), anyChat))).toEqual(["a", "b", "c"]);
  });
});
