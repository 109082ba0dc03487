import type { VisitorTicketDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { de } from "../i18n/de.ts";
import { ticketsDe } from "../i18n/tickets-de.ts";
import { autoCloseText, priorityText, targetLines, ticketStatusText } from "../ticket-wording.ts";
import { ticket } from "./ticket-fixtures.ts";

const now = new Date("2026-01-12T10:00:00.000Z"); // Monday morning
const london = { timeZone: "Europe/London" };
const lines = (t: VisitorTicketDto) => targetLines(t, now, london);

describe("ticketStatusText", () => {
  it("words each status for the customer", () => {
    expect(ticketStatusText("waiting_on_customer")).toBe("Waiting on you");
    expect(ticketStatusText("resolved")).toBe("Resolved — please confirm");
    expect(ticketStatusText("new")).toBe("Received");
    expect(ticketStatusText("open")).toBe("In progress");
    expect(ticketStatusText("closed")).toBe("Closed");
  });

  it("names the priority", () => {
    expect(priorityText("critical")).toBe("Critical priority");
  });
});

describe("targetLines", () => {
  it("gives the first-response due time in the visitor's zone", () => {
    const t = ticket({ response: { dueAt: "2026-01-12T15:30:00.000Z", met: false } });
    expect(lines(t)).toEqual(["First response due by today at 3:30 PM GMT"]);
    expect(targetLines(t, now, { timeZone: "America/New_York" })).toEqual([
      "First response due by today at 10:30 AM EST",
    ]);
  });

  it("words it in the visitor's language", () => {
    const t = ticket({ response: { dueAt: "2026-01-12T15:30:00.000Z", met: false } });
    expect(targetLines(t, now, { t: de, tickets: ticketsDe, timeZone: "Europe/Berlin" })).toEqual([
      "Erste Antwort fällig bis heute um 16:30 MEZ",
    ]);
  });

  it("says Responded once the target is met, and the workaround's due date when the plan has one", () => {
    const t = ticket({
      status: "open",
      response: { dueAt: null, met: true },
      workaround: { dueAt: "2026-01-15T09:00:00.000Z", met: false },
    });
    expect(lines(t)).toEqual(["Responded", "Workaround due by Thursday, January 15 at 9:00 AM GMT"]);
    expect(lines({ ...t, workaround: { dueAt: null, met: true } })).toEqual(["Responded", "Workaround provided"]);
  });

  it("says a target is overdue once its time has passed", () => {
    const t = ticket({ response: { dueAt: "2026-01-12T09:00:00.000Z", met: false } });
    expect(lines(t)).toEqual(["First response overdue since today at 9:00 AM GMT"]);
  });

  it("says the clocks are on hold while the ticket waits on the customer", () => {
    const t = ticket({
      status: "waiting_on_customer",
      response: { dueAt: null, met: false },
      workaround: { dueAt: null, met: false },
    });
    expect(lines(t)).toEqual([
      "First response: on hold while we wait for you",
      "Workaround: on hold while we wait for you",
    ]);
  });

  it("leaves out unmet, undated targets once the ticket is resolved or closed", () => {
    const t = ticket({
      status: "closed",
      response: { dueAt: null, met: true },
      workaround: { dueAt: null, met: false },
    });
    expect(lines(t)).toEqual(["Responded"]);
  });

  it("skips a malformed due time rather than printing 'Invalid Date'", () => {
    expect(lines(ticket({ response: { dueAt: "soon", met: false } }))).toEqual([]);
  });
});

describe("autoCloseText", () => {
  it("tells a resolved ticket's customer when it closes by itself", () => {
    const t = ticket({ status: "resolved", autoCloseAt: "2026-01-13T10:00:00.000Z" });
    expect(autoCloseText(t, now, london)).toBe("If we don't hear from you, it closes tomorrow at 10:00 AM GMT.");
    expect(autoCloseText({ ...t, status: "open" }, now, london)).toBeNull();
  });
});
