// A ticket email that waits in the outbox (the mail server is down) keeps its reply address and its recorded
// Message-ID, so the customer's answer to the email that finally goes out still finds the ticket.
import { describe, expect, it } from "vitest";
import { waitFor, waitForAsync } from "../../../test/harness.ts";
import { mailServerDown } from "../../../test/mail-outage.ts";
import type { ReceivedMail } from "../../../test/smtp-sink.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";
import { OutboxMail } from "../../email/outbox-mail.model.ts";
import { mailIdOf } from "../mail-ids.ts";
import { replyTokenTicket } from "../reply-tokens.ts";

const SITE_KEY = "threaded";
const mail = mailServerDown({ SUPPORT_ADDRESSES: `help@acme.test=${SITE_KEY}` });

describe("threaded emails in the outbox", () => {
  it("should keep a chat ticket's reply address and Message-ID until the email is sent", async () => {
    const site = await mail.t.createSite(SITE_KEY, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
    const ana = await mail.t.staff(site._id, "agent", "Ana");
    const { ticket } = await chatTicket(mail.t, site.key, ana, { email: "olga@example.test" });
    await waitForAsync(async () => ((await OutboxMail.findOne({ ticket: ticket.number }).lean())?.attempts ?? 0) >= 1);
    const stored = await OutboxMail.findOne({ ticket: ticket.number }).lean();
    expect(stored?.replyTo).toMatch(/^help\+t-[a-f0-9]{32}@acme\.test$/);
    expect(stored?.messageId).toMatch(/^<parley\.[a-f0-9]{24}@acme\.test>$/);
    // A chat's ticket gets its token with its first email; both ids lead back to it.
    const token = /\+t-([a-f0-9]{32})@/.exec(stored?.replyTo ?? "")?.[1] ?? "";
    expect((await replyTokenTicket(token))?.ticket.toHexString()).toBe(ticket.id);
    expect((await mailIdOf(stored?.messageId ?? ""))?.ticket?.toHexString()).toBe(ticket.id);

    const sink = await mail.up();
    const toOlga = (m: ReceivedMail) => m.envelopeTo.includes("olga@example.test");
    await waitFor(() => sink.received.some(toOlga), 10_000);
    const sent = sink.received.find(toOlga)?.mail;
    expect(sent?.replyTo?.value[0]?.address).toBe(stored?.replyTo);
    expect(sent?.messageId).toBe(stored?.messageId);
    // A chat's ticket answers no email of the customer's.
    expect(sent?.inReplyTo).toBeUndefined();
  });
});
