import { describe, expect, it } from "vitest";
import { emptyConversation, withRating } from "../conversation.ts";
import { detail } from "./fixtures.ts";

describe("a rating told live", () => {
  const rating = { rating: "bad" as const, comment: "Too slow", at: "2026-12-07T12:00:00.000Z" };

  it("should show on the chat it is for, and on no other", () => {
    const view = { ...emptyConversation, detail: detail({ status: "closed" }) };
    const id = view.detail.id;
    expect(withRating(view, { conversationId: id, rating }).detail?.rating).toEqual(rating);
    const other = withRating(view, { conversationId: "f".repeat(24), rating });
    expect(other).toBe(view);
    expect(withRating(emptyConversation, { conversationId: id, rating })).toBe(emptyConversation);
  });
});
