import type { SlaReadingDto, TicketStatus } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { ACTION_LABELS, actionsFor, slaText } from "../ticket.ts";

const labels = (status: TicketStatus) => actionsFor(status).map((a) => ACTION_LABELS[a]);

describe("actionsFor", () => {
  it.each<[TicketStatus, string[]]>([
    ["new", ["Open", "Waiting on customer", "Workaround provided", "Resolve"]],
    ["open", ["Waiting on customer", "Workaround provided", "Resolve"]],
    ["escalated", ["Waiting on customer", "Workaround provided", "Resolve"]],
    ["waiting_on_customer", ["Workaround provided", "Resolve"]],
    ["workaround_provided", ["Waiting on customer", "Resolve"]],
    ["resolved", []],
    ["closed", []],
  ])("should offer for a %s ticket: %j", (status, expected) => {
    expect(labels(status)).toEqual(expected);
  });
});

describe("slaText", () => {
  const due = (iso: string) => `at ${iso}`;
  const reading = (state: SlaReadingDto["state"], dueAt: string | null): SlaReadingDto => ({
    state,
    dueAt,
    usedMs: 0,
    leftMs: 0,
  });

  it("should give the state and the due time while the clock runs", () => {
    expect(slaText(reading("running", "2025-01-02T09:00:00Z"), due)).toBe("Running: due at 2025-01-02T09:00:00Z");
    expect(slaText(reading("at_risk", "2025-01-02T09:00:00Z"), due)).toBe("At risk: due at 2025-01-02T09:00:00Z");
  });

  it("should say when a breached target was due", () => {
    expect(slaText(reading("breached", "2025-01-02T09:00:00Z"), due)).toBe("Breached: was due at 2025-01-02T09:00:00Z");
  });

  it("should explain a paused clock rather than show a due time", () => {
    expect(slaText(reading("paused", null), due)).toBe("Paused: paused while waiting on the customer");
  });

  it("should just say met once met", () => {
    expect(slaText(reading("met", null), due)).toBe("Met");
  });

  it("should say there is no target when the plan has none (low has no workaround target)", () => {
    expect(slaText(null, due)).toBe("No target for this priority");
  });
});
