import { beforeAll, describe, expect, it } from "vitest";
import { call, ok, present, type TestServer, waitFor, waitForAsync } from "../../../test/harness.ts";
import { mailServerDown } from "../../../test/mail-outage.ts";
import type { ReceivedMail } from "../../../test/smtp-sink.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";
import { OutboxMail } from "../outbox-mail.model.ts";

// Email through a mail server that is down, across a restart of Parley, then back: stored before the first
// attempt, retried with growing waits (here in units of 100 ms, swept every 100 ms), and sent once it answers.
const mail = mailServerDown();
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  site = await mail.t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
});

const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);

describe("the email outbox", () => {
  it("should keep an email the mail server refused, across a restart, and send it once the server is back", async () => {
    const admin = await mail.t.staff(site._id, "admin", "Adam");
    const ana = await mail.t.staff(site._id, "agent", "Ana");
    const { ticket } = await chatTicket(mail.t, site.key, ana, { email: "olga@example.test" });
    await waitForAsync(async () => (await OutboxMail.findOne({ ticket: ticket.number }).lean())?.attempts === 2);
    // The site's admin sees it waiting, by kind and ticket, never by recipient or text.
    const listed = await ok(admin.socket, "email:outbox", {});
    expect(listed.emails).toEqual([
      expect.objectContaining({ kind: "ticket_created", ticket: ticket.number, status: "pending" }),
    ]);
    expect(JSON.stringify(listed)).not.toContain("olga@example.test");
    expect((await call(ana.socket, "email:outbox", {})).ok).toBe(false);

    await mail.t.restart();
    const sink = await mail.up();
    await waitFor(() => sink.received.some(to("olga@example.test")), 10_000);
    await waitForAsync(async () => (await OutboxMail.countDocuments({})) === 0);
    expect(sink.received.filter(to("olga@example.test"))).toHaveLength(1);
  });

  it("should give up after its last attempt, show it as failed, and send it when an admin retries", async () => {
    await mail.down();
    const admin = await mail.t.staff(site._id, "admin", "Ada");
    const bo = await mail.t.staff(site._id, "agent", "Bo");
    const { ticket } = await chatTicket(mail.t, site.key, bo, { email: "pia@example.test" });
    const row = () => OutboxMail.findOne({ ticket: ticket.number }).lean();
    await waitForAsync(async () => ((await row())?.attempts ?? 0) >= 1);
    // Past the long waits: as if it had been failing for hours, one attempt from the end.
    await OutboxMail.updateOne({ ticket: ticket.number }, { $set: { attempts: 6, nextAttemptAt: new Date(0) } });
    await waitForAsync(async () => (await row())?.status === "failed");
    const { emails } = await ok(admin.socket, "email:outbox", {});
    const failed = emails.find((e) => e.ticket === ticket.number);
    expect(failed).toMatchObject({ status: "failed", attempts: 7 });

    const sink = await mail.up();
    await ok(admin.socket, "email:retry", { emailId: present(failed, "the failed email").id });
    await waitFor(() => sink.received.some(to("pia@example.test")), 10_000);
    await waitForAsync(async () => (await row()) === null);
  });
});
