import type { CannedResponseDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { searchCanned, unfilledNote } from "../canned-search.ts";

const reply = (shortcut: string, title: string, body: string): CannedResponseDto => ({
  id: shortcut,
  scope: "site",
  shortcut,
  title,
  body,
  useCount: 0,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const all = [
  reply("bye", "Goodbye", "Thanks for chatting, {visitor.name}!"),
  reply("refund", "Refund policy", "Refunds take 5 days."),
  reply("thanks", "Thank you", "Happy to help with your refund."),
  reply("xrefund", "Old refunds", "Ask billing."),
];

describe("searchCanned", () => {
  it("should put shortcuts that start with the query first, then shortcut, title and text matches", () => {
    expect(searchCanned(all, "/ref").map((r) => r.shortcut)).toEqual(["refund", "xrefund", "thanks"]);
    expect(searchCanned(all, "REFUND").map((r) => r.shortcut)).toEqual(["refund", "xrefund", "thanks"]);
  });

  it("should need every word somewhere, and list everything for an empty query", () => {
    expect(searchCanned(all, "refund billing").map((r) => r.shortcut)).toEqual(["xrefund"]);
    expect(searchCanned(all, "  ").map((r) => r.shortcut)).toEqual(["bye", "refund", "thanks", "xrefund"]);
    expect(searchCanned(all, "nothing")).toEqual([]);
  });
});

describe("unfilledNote", () => {
  it("should say which placeholders are left and why, or nothing", () => {
    expect(unfilledNote([])).toBeNull();
    expect(unfilledNote(["ticket.number"])).toBe(
      "Fill in before sending: {ticket.number} (no ticket made from this chat yet).",
    );
  });
});
