import { HistorySearchInput } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { EMPTY_HISTORY_FILTERS, fieldOfIssue, historyInput } from "../history-filters.ts";

describe("history filters", () => {
  it("should leave empty fields out and send the rest as the schema wants them", () => {
    expect(historyInput(EMPTY_HISTORY_FILTERS)).toEqual({});
    const input = historyInput({
      visitor: "  vera ",
      words: " invoice  march ",
      from: "2026-03-01",
      to: "2026-03-31",
      agentId: "a".repeat(24),
      product: "cloud",
      hasTicket: "no",
    });
    expect(input).toEqual({
      visitor: "vera",
      words: "invoice  march",
      // The agent's days: from local midnight of the first to local midnight after the last.
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
      agentId: "a".repeat(24),
      product: "cloud",
      hasTicket: false,
    });
    expect(HistorySearchInput.safeParse(input).success).toBe(true);
  });

  it("should put the server's issues on their fields", () => {
    expect(fieldOfIssue("to")).toBe("to");
    expect(fieldOfIssue("words")).toBe("words");
    expect(fieldOfIssue("after.closedAt")).toBeNull();
  });
});
