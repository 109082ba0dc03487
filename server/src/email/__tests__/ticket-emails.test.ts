import { describe, expect, it } from "vitest";
import {
  escalationEmail,
  formatDue,
  ticketCreatedEmail,
  ticketReplyEmail,
  ticketStatusEmail,
} from "../ticket-emails.ts";

const requester = {
  to: "vera@example.test",
  requesterName: "Vera",
  number: "T-1001",
  subject: "Export fails",
  siteName: "Acme Support",
};

describe("formatDue", () => {
  it("should show the time in the site's zone, with the zone named", () => {
    expect(formatDue("2026-07-01T12:30:00.000Z", "Europe/London")).toBe("Wed 1 Jul 2026, 13:30 (Europe/London)");
    expect(formatDue("2026-01-15T23:05:00.000Z", "Asia/Tokyo")).toBe("Fri 16 Jan 2026, 08:05 (Asia/Tokyo)");
  });

  it("should fall back to UTC for a zone it does not know", () => {
    expect(formatDue("2026-07-01T12:30:00.000Z", "Mars/Olympus")).toBe("Wed 1 Jul 2026, 12:30 (UTC)");
  });
});

describe("ticketCreatedEmail", () => {
  it("should name the ticket, its priority and when a first response is due", () => {
    const mail = ticketCreatedEmail({
      ...requester,
      priority: "critical",
      responseDueAt: "2026-07-01T12:30:00.000Z",
      timeZone: "Europe/London",
      agentName: "Ana",
    });
    expect(mail.to).toBe("vera@example.test");
    expect(mail.subject).toBe("[T-1001] Ticket received — Export fails");
    expect(mail.text).toContain("Hello Vera,");
    expect(mail.text).toContain("Priority: critical");
    expect(mail.text).toContain("Handled by: Ana");
    expect(mail.text).toContain("We aim to respond by Wed 1 Jul 2026, 13:30 (Europe/London).");
    expect(mail.text).toContain("support chat on Acme Support");
  });

  it("should leave out the due time when the plan sets none", () => {
    const mail = ticketCreatedEmail({
      ...requester,
      priority: "low",
      responseDueAt: null,
      timeZone: "UTC",
      agentName: null,
    });
    expect(mail.text).not.toContain("respond by");
    expect(mail.text).not.toContain("Handled by");
  });
});

describe("ticketStatusEmail", () => {
  it("should put the customer's wording of the status in the subject", () => {
    const mail = ticketStatusEmail({ ...requester, status: "resolved", agentName: "Ana" });
    expect(mail.subject).toBe("[T-1001] Status: resolved, awaiting your confirmation — Export fails");
    expect(mail.text).toContain("Please confirm");
  });

  it("should keep a subject with line breaks on one line", () => {
    const mail = ticketStatusEmail({
      ...requester,
      subject: "Export\r\nBcc: everyone@example.test",
      status: "waiting_on_customer",
      agentName: null,
    });
    expect(mail.subject).toBe("[T-1001] Status: waiting on your reply — Export Bcc: everyone@example.test");
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe("ticketReplyEmail", () => {
  it("should quote the staff reply in full", () => {
    const mail = ticketReplyEmail({
      ...requester,
      agentName: "Ana",
      reply: { body: "Please try version 4.3.\nIt fixes the export.", internal: false },
    });
    expect(mail.subject).toBe("[T-1001] Reply from Ana — Export fails");
    expect(mail.text).toContain("Ana replied to ticket T-1001:\n\nPlease try version 4.3.\nIt fixes the export.");
  });

  it("should refuse an internal note", () => {
    const note = { body: "customer is on an unsupported version", internal: true } as unknown as {
      body: string;
      internal: false;
    };
    expect(() => ticketReplyEmail({ ...requester, agentName: "Ana", reply: note })).toThrow(/internal/);
  });
});

describe("escalationEmail", () => {
  it("should tell the supervisor who escalated, why, and what is due", () => {
    const mail = escalationEmail({
      to: "sam@example.test",
      supervisorName: "Sam",
      number: "T-1001",
      subject: "Export fails",
      siteName: "Acme Support",
      priority: "critical",
      status: "escalated",
      requesterName: "Vera",
      escalatedBy: "Ana",
      reason: "Customer's production is down",
      responseDueAt: "2026-07-01T12:30:00.000Z",
      timeZone: "Europe/London",
      assigneeName: "Ana",
    });
    expect(mail.to).toBe("sam@example.test");
    expect(mail.subject).toBe("[T-1001] Escalated (critical) — Export fails");
    expect(mail.text).toContain("was escalated by Ana.");
    expect(mail.text).toContain("Reason: Customer's production is down");
    expect(mail.text).toContain("Customer: Vera");
    expect(mail.text).toContain("First response due: Wed 1 Jul 2026, 13:30 (Europe/London)");
  });
});
