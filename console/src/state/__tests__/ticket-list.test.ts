import type { SlaReadingDto, TicketDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import {
  applyTicketUpdate,
  DEFAULT_TICKET_FILTERS,
  entitlementText,
  listInput,
  NOT_CLOSED,
  slaCellText,
} from "../ticket-list.ts";

const ticket = (n: number, updatedAt = "2026-01-05T10:00:00.000Z", subject = `Ticket ${n}`) =>
  ({ id: n.toString(16).padStart(24, "0"), number: `T-${1000 + n}`, subject, updatedAt }) as TicketDto;

describe("listInput", () => {
  it("asks for every status but closed, nearest due first, by default", () => {
    expect(listInput(DEFAULT_TICKET_FILTERS)).toEqual({ sort: "due", status: [...NOT_CLOSED] });
    expect(NOT_CLOSED).not.toContain("closed");
  });

  it("sends no status filter for 'any', and one status when one is chosen", () => {
    expect(listInput({ ...DEFAULT_TICKET_FILTERS, status: "any" }).status).toBeUndefined();
    expect(listInput({ ...DEFAULT_TICKET_FILTERS, status: "escalated" }).status).toEqual(["escalated"]);
  });

  it("sends each filter that is set, and trims the search", () => {
    const input = listInput({
      status: "closed",
      priority: "high",
      assignee: "none",
      product: "acme-cloud",
      customerId: "c".repeat(24),
      sla: "breached",
      q: "  T-1001 ",
      sort: "updated",
    });
    expect(input).toEqual({
      status: ["closed"],
      priority: ["high"],
      assignee: "none",
      product: "acme-cloud",
      customerId: "c".repeat(24),
      sla: "breached",
      q: "T-1001",
      sort: "updated",
    });
  });

  it("leaves out a search of only spaces", () => {
    expect("q" in listInput({ ...DEFAULT_TICKET_FILTERS, q: "   " })).toBe(false);
  });
});

describe("applyTicketUpdate", () => {
  it("replaces a row in place and keeps the order", () => {
    const rows = [ticket(1), ticket(2), ticket(3)];
    const changed = ticket(2, "2026-01-05T11:00:00.000Z", "Renamed");
    const { rows: next, unseen } = applyTicketUpdate(rows, changed);
    expect(unseen).toBe(false);
    expect(next.map((r) => r.subject)).toEqual(["Ticket 1", "Renamed", "Ticket 3"]);
  });

  it("reports a ticket that is not on the list as unseen, leaving the rows alone", () => {
    const rows = [ticket(1)];
    const result = applyTicketUpdate(rows, ticket(9));
    expect(result.unseen).toBe(true);
    expect(result.rows).toBe(rows);
  });

  it("ignores an older push that arrives after a newer state", () => {
    const rows = [ticket(1, "2026-01-05T12:00:00.000Z", "Newer")];
    const { rows: next } = applyTicketUpdate(rows, ticket(1, "2026-01-05T11:00:00.000Z", "Older"));
    expect(next[0]?.subject).toBe("Newer");
  });
});

const reading = (over: Partial<SlaReadingDto>): SlaReadingDto => ({
  state: "running",
  dueAt: "2026-01-05T17:00:00.000Z",
  usedMs: 0,
  leftMs: 2 * 3_600_000 + 5 * 60_000,
  ...over,
});
const due = (iso: string) => `<${iso.slice(11, 16)}>`;

describe("slaCellText", () => {
  it("gives the working time left and the due time while running or at risk", () => {
    expect(slaCellText(reading({}), due)).toBe("Running: 2 h 5 min working time left (due <17:00>)");
    expect(slaCellText(reading({ state: "at_risk", leftMs: 20 * 60_000 }), due)).toBe(
      "At risk: 20 min working time left (due <17:00>)",
    );
  });

  it("says when a breached target was due, and nothing more for met or paused ones", () => {
    expect(slaCellText(reading({ state: "breached", leftMs: 0 }), due)).toBe("Breached: was due <17:00>");
    expect(slaCellText(reading({ state: "met", dueAt: null }), due)).toBe("Met");
    expect(slaCellText(reading({ state: "paused", dueAt: null }), due)).toBe("Paused");
    expect(slaCellText(null, due)).toBe("No target");
  });
});

describe("entitlementText", () => {
  const day = (d: string) => `[${d}]`;
  it("words each kind of entitlement", () => {
    expect(entitlementText({ kind: "free", until: "2026-03-01" }, day)).toBe("Free support until [2026-03-01]");
    expect(entitlementText({ kind: "paid", until: "2026-12-31" }, day)).toBe("Paid support until [2026-12-31]");
    expect(entitlementText({ kind: "none", freeEndedAt: "2025-11-01" }, day)).toBe(
      "Not entitled: free support ended [2025-11-01]",
    );
    expect(entitlementText({ kind: "unknown", reason: "no customer has this email" }, day)).toBe(
      "Entitlement unknown: no customer has this email",
    );
  });
});
