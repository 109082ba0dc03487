import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { msgId, ok, TestServer, waitFor } from "../../../test/harness.ts";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";

let t: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  sink = await smtpSink();
  t = await TestServer.start(undefined, { SMTP_URL: sink.url, EMAIL_FROM: "Acme Support <support@acme.test>" });
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);

describe("ticket email", () => {
  it("should email the requester the new ticket, staff replies and status changes, never internal notes", async () => {
    const ana = await t.staff(site._id, "agent", "Ana");
    const { ticket } = await chatTicket(t, site.key, ana, { email: "vera@example.test" });
    await waitFor(() => sink.received.some(to("vera@example.test")));
    const created = sink.received.find(to("vera@example.test"))?.mail;
    expect(created?.subject).toBe(`[${ticket.number}] Ticket received — Export fails`);
    expect(created?.from?.text).toBe('"Acme Support" <support@acme.test>');
    expect(created?.text).toContain("Priority: critical");
    expect(created?.text).toMatch(/We aim to respond by /);

    await ok(ana.socket, "ticket:reply", {
      ticketId: ticket.id,
      clientMsgId: msgId(),
      body: "Secret: the customer is on an old build",
      internal: true,
    });
    await ok(ana.socket, "ticket:reply", {
      ticketId: ticket.id,
      clientMsgId: msgId(),
      body: "Please send us the export log.",
      internal: false,
    });
    await ok(ana.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });
    await waitFor(() => sink.received.filter(to("vera@example.test")).length >= 4);
    // Sends run side by side, so they may arrive in any order.
    const mails = sink.received.filter(to("vera@example.test")).map((r) => r.mail);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `[${ticket.number}] Ticket received — Export fails`,
        `[${ticket.number}] Reply from Ana — Export fails`,
        `[${ticket.number}] Status: open, being worked on — Export fails`,
        `[${ticket.number}] Status: resolved, awaiting your confirmation — Export fails`,
      ].sort(),
    );
    expect(mails.find((m) => m.subject?.includes("Reply from"))?.text).toContain("Please send us the export log.");
    expect(mails.map((m) => m.text).join("\n")).not.toContain("Secret");
  });

  it("should email the site's supervisors when a ticket is escalated", async () => {
    const bo = await t.staff(site._id, "agent", "Bo");
    const lead = await t.staff(site._id, "supervisor", "Sue");
    const { ticket } = await chatTicket(t, site.key, bo, { email: "olga@example.test" });
    await ok(bo.socket, "ticket:escalate", { ticketId: ticket.id, reason: "Production down", phone: "+1 555 0100" });
    await waitFor(() => sink.received.some(to(lead.email)));
    const mail = sink.received.find(to(lead.email))?.mail;
    expect(mail?.subject).toBe(`[${ticket.number}] Escalated (critical) — Export fails`);
    expect(mail?.text).toContain("Reason: Production down");
  });
});
