import type { MeetingDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ManualClock, ok, TestServer, waitFor } from "../../../test/harness.ts";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { chatTicket, setWeekdayHours } from "../../../test/tickets-harness.ts";

// Monday 2 November 2026, 10:00 UTC (10:00 in London): the site is open 09:00-17:00 London time on weekdays.
const clock = new ManualClock(new Date("2026-11-02T10:00:00Z"));
let t: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  sink = await smtpSink();
  t = await TestServer.start(
    undefined,
    { SMTP_URL: sink.url, EMAIL_FROM: "Acme Support <support@acme.test>" },
    clock.now,
  );
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
  await setWeekdayHours(site._id);
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);
const slot = (start: string, end: string) => ({ start, end });
const TUESDAY = slot("2026-11-03T10:00:00.000Z", "2026-11-03T11:00:00.000Z");
const WEDNESDAY = slot("2026-11-04T14:00:00.000Z", "2026-11-04T15:00:00.000Z");
const propose = (ticketId: string, slots = [TUESDAY, WEDNESDAY]) => ({
  ticketId,
  slots,
  link: "https://acme.my.gotomeeting.example/join/123-456",
  agentTimeZone: "Europe/London",
  customerTimeZone: "America/New_York",
});

/** The calendar part of a received email, unfolded (RFC 5545 folds lines at 75 octets). */
function calendarOf(mail: ReceivedMail): string {
  const part = mail.mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) throw new Error("no calendar part");
  return part.content.toString("utf8").replace(/\r?\n[ \t]/g, "");
}

describe("web conferences", () => {
  it("should refuse slots outside support hours, in the past, and links that are not https", async () => {
    const ana = await t.staff(site._id, "agent", "Ana");
    const { ticket } = await chatTicket(t, site.key, ana, { email: "olga@example.test" });
    const saturday = slot("2026-11-07T10:00:00Z", "2026-11-07T11:00:00Z");
    const lateEvening = slot("2026-11-03T16:30:00Z", "2026-11-03T17:30:00Z");
    const refused = await call(ana.socket, "meeting:propose", propose(ticket.id, [TUESDAY, saturday, lateEvening]));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("BAD_REQUEST");
    expect(refused.error.issues?.map((i) => i.path)).toEqual(["slots.1", "slots.2"]);
    expect(refused.error.message).toContain("outside support hours (Europe/London)");

    const past = await call(
      ana.socket,
      "meeting:propose",
      propose(ticket.id, [slot("2026-11-02T09:00:00Z", "2026-11-02T09:30:00Z")]),
    );
    expect(past.ok ? null : past.error.issues?.[0]).toEqual({ path: "slots.0.start", message: "is in the past" });

    for (const link of ["http://meet.example/x", "javascript:alert(1)", "https://user:pw@meet.example/x"]) {
      const bad = await call(ana.socket, "meeting:propose", { ...propose(ticket.id), link });
      expect(bad.ok ? null : bad.error.code).toBe("BAD_REQUEST");
    }
    const backwards = await call(ana.socket, "meeting:propose", propose(ticket.id, [slot(TUESDAY.end, TUESDAY.start)]));
    expect(backwards.ok ? null : backwards.error.code).toBe("BAD_REQUEST");
    const { meetings } = await ok(ana.socket, "meeting:list", { ticketId: ticket.id });
    expect(meetings).toEqual([]);
  });

  it("should let the requester accept one proposed slot once, and send both sides the invite", async () => {
    const ana = await t.staff(site._id, "agent", "Ana");
    const { ticket, visitor } = await chatTicket(t, site.key, ana, { email: "vera@example.test" });
    const pushed: MeetingDto[] = [];
    visitor.socket.on("meeting:updated", (m) => pushed.push(m));

    const { meeting } = await ok(ana.socket, "meeting:propose", propose(ticket.id));
    expect(meeting).toMatchObject({
      status: "proposed",
      slots: [TUESDAY, WEDNESDAY],
      acceptedSlot: null,
      proposedBy: "Ana",
    });
    // The chat's environment said where the customer's browser is.
    const listed = await ok(ana.socket, "meeting:list", { ticketId: ticket.id });
    expect(listed.reportedTimeZone).toBe("Europe/London");
    await waitFor(() => pushed.length === 1);

    // The proposal email: each slot in the customer's zone (New York, UTC-5 in November), with its own link.
    await waitFor(() =>
      sink.received.some(to("vera@example.test") && ((m) => m.mail.subject?.includes("proposed") === true)),
    );
    const proposal = sink.received.find(
      (m) => to("vera@example.test")(m) && m.mail.subject?.includes("Web conference proposed"),
    );
    expect(proposal?.mail.text).toContain("Tue 3 Nov 2026, 05:00–06:00 (America/New_York)");
    expect(proposal?.mail.text).toContain("Wed 4 Nov 2026, 09:00–10:00 (America/New_York)");
    expect(proposal?.mail.text?.match(/\/meetings\/accept\/[A-Za-z0-9_-]{43}/g)).toHaveLength(2);

    // Someone else's ticket is not found; a slot not proposed is refused.
    const stranger = await t.visitor(site.key);
    const foreign = await call(stranger.socket, "meeting:accept", {
      ticketId: ticket.id,
      meetingId: meeting.id,
      slot: 0,
    });
    expect(foreign.ok ? null : foreign.error.code).toBe("NOT_FOUND");
    const notProposed = await call(visitor.socket, "meeting:accept", {
      ticketId: ticket.id,
      meetingId: meeting.id,
      slot: 2,
    });
    expect(notProposed.ok ? null : notProposed.error).toMatchObject({
      code: "BAD_REQUEST",
      message: "That time was not proposed",
    });

    const { meetings } = await ok(visitor.socket, "meeting:list", { ticketId: ticket.id });
    expect(meetings.map((m) => m.id)).toEqual([meeting.id]);
    const accepted = await ok(visitor.socket, "meeting:accept", {
      ticketId: ticket.id,
      meetingId: meeting.id,
      slot: 1,
    });
    expect(accepted.meeting).toMatchObject({
      status: "accepted",
      acceptedSlot: 1,
      acceptedAt: "2026-11-02T10:00:00.000Z",
    });
    const twice = await call(visitor.socket, "meeting:accept", { ticketId: ticket.id, meetingId: meeting.id, slot: 0 });
    expect(twice.ok ? null : twice.error.code).toBe("CONFLICT");

    // The email link of the other slot is refused too, without booking anything.
    const link = proposal?.mail.text?.match(/https?:\/\/\S+\/meetings\/accept\/[A-Za-z0-9_-]{43}/)?.[0] ?? "";
    const late = await fetch(link, { method: "POST" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("A time was already accepted for this meeting");

    // The invite, to the customer and to the agent, with the slot in UTC and both people named.
    await waitFor(() => sink.received.filter((m) => m.mail.subject?.includes("Web conference booked")).length === 2);
    const invites = sink.received.filter((m) => m.mail.subject?.includes("Web conference booked"));
    expect(invites.map((m) => m.envelopeTo[0]).sort()).toEqual([ana.email, "vera@example.test"].sort());
    const forVera = invites.find(to("vera@example.test"));
    expect(forVera?.mail.subject).toContain("Wed 4 Nov 2026, 09:00–10:00 (America/New_York)");
    expect(invites.find(to(ana.email))?.mail.subject).toContain("Wed 4 Nov 2026, 14:00–15:00 (Europe/London)");
    for (const invite of invites) {
      const ics = calendarOf(invite);
      expect(ics).toContain("METHOD:REQUEST");
      expect(ics).toContain("DTSTART:20261104T140000Z");
      expect(ics).toContain("DTEND:20261104T150000Z");
      expect(ics).toContain(`UID:meeting-${meeting.id}@parley`);
      expect(ics).toMatch(new RegExp(`ORGANIZER;CN="?Ana"?:mailto:${ana.email}`, "i"));
      expect(ics).toMatch(/ATTENDEE;[^\r\n]*CN="?Vera Visitor"?[^\r\n]*:mailto:vera@example.test/);
      expect(ics).toContain("URL:https://acme.my.gotomeeting.example/join/123-456");
    }

    // Both steps are on the timeline, as staff read it.
    const { timeline } = await ok(ana.socket, "ticket:get", { ticketId: ticket.id });
    const lines = timeline.filter((e) => e.type === "meeting");
    expect(lines.map((e) => `${e.actor.name} ${e.text}`)).toEqual([
      "Ana proposed a web conference at Tue 3 Nov 2026, 10:00–11:00 (Europe/London); Wed 4 Nov 2026, 14:00–15:00 (Europe/London) (https://acme.my.gotomeeting.example/join/123-456)",
      "Vera Visitor accepted the web conference at Wed 4 Nov 2026, 09:00–10:00 (America/New_York) (https://acme.my.gotomeeting.example/join/123-456)",
    ]);
  });

  it("should accept from the email link with a POST only, on a page that escapes the ticket's text", async () => {
    const bo = await t.staff(site._id, "agent", "Bo");
    const { ticket } = await chatTicket(t, site.key, bo, {
      email: "ines@example.test",
      fields: { subject: '<script>alert("x")</script> export' },
    });
    const first = await ok(bo.socket, "meeting:propose", propose(ticket.id, [TUESDAY]));
    // A second proposal replaces the first, whose link then books nothing.
    await ok(bo.socket, "meeting:propose", propose(ticket.id, [WEDNESDAY]));
    await waitFor(
      () =>
        sink.received.filter(to("ines@example.test")).filter((m) => m.mail.subject?.includes("proposed")).length === 2,
    );
    const [old, current] = sink.received
      .filter((m) => to("ines@example.test")(m) && m.mail.subject?.includes("proposed"))
      .map((m) => m.mail.text?.match(/https?:\/\/\S+\/meetings\/accept\/[A-Za-z0-9_-]{43}/)?.[0] ?? "");
    const oldPage = await fetch(old ?? "");
    expect(oldPage.status).toBe(409);

    const shown = await fetch(current ?? "");
    const html = await shown.text();
    expect(shown.status).toBe(200);
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; export");
    expect(html).not.toContain("<script>");
    expect(shown.headers.get("content-security-policy")).toContain("script-src 'self'");
    // Opening the link (a mail scanner would) books nothing.
    const still = await ok(bo.socket, "meeting:list", { ticketId: ticket.id });
    expect(still.meetings.map((m) => m.status)).toEqual(["superseded", "proposed"]);
    expect(still.meetings[0]?.id).toBe(first.meeting.id);

    const booked = await fetch(current ?? "", { method: "POST" });
    expect(booked.status).toBe(200);
    expect(await booked.text()).toContain("Web conference booked");
    const after = await ok(bo.socket, "meeting:list", { ticketId: ticket.id });
    expect(after.meetings.map((m) => [m.status, m.acceptedSlot])).toEqual([
      ["superseded", null],
      ["accepted", 0],
    ]);
    expect((await fetch(`${t.url}/meetings/accept/${"x".repeat(43)}`)).status).toBe(404);
    await waitFor(() => sink.received.some((m) => to("ines@example.test")(m) && m.mail.subject?.includes("booked")));
    await waitFor(() => sink.received.some((m) => to(bo.email)(m) && m.mail.subject?.includes("booked")));
  });
});
