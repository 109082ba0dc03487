// Tickets by email, end to end: a real SMTP client (nodemailer) delivers to Parley's inbound receiver,
// the real server stores tickets and replies in the suite's devdb, and Parley's own emails go out to a real SMTP sink.
import { randomBytes } from "node:crypto";
import type { TicketDto } from "@parley/shared";
import { createTransport, type SendMailOptions } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, tempDataDir } from "../../../test/attachments-harness.ts";
import { msgId, ok, recordCommands, TestServer, waitFor } from "../../../test/harness.ts";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { Customer } from "../../customers/customer.model.ts";
import { createLogger } from "../../logging/logger.ts";
import { Site } from "../../sites/site.model.ts";
import { Ticket } from "../../tickets/ticket.model.ts";
import { SmtpReceiver } from "../smtp-receiver.ts";

const SITE_KEY = `mail${randomBytes(4).toString("hex")}`;
const SUPPORT = "support@acme.test";
const MAX_BYTES = 200_000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

let t: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let ana: Awaited<ReturnType<TestServer["staff"]>>;

beforeAll(async () => {
  sink = await smtpSink();
  data = await tempDataDir();
  t = await TestServer.start(undefined, {
    SMTP_URL: sink.url,
    EMAIL_FROM: `Acme Support <${SUPPORT}>`,
    SMTP_INBOUND_PORT: "0",
    SUPPORT_ADDRESSES: `${SUPPORT}=${SITE_KEY}`,
    INBOUND_EMAIL_MAX_BYTES: String(MAX_BYTES),
    PARLEY_DATA_DIR: data.dir,
    METRICS_TOKEN: "metrics-token-for-inbound-mail-1",
  });
  site = await t.createSite(SITE_KEY, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
  await Customer.create({
    site: site._id,
    name: "Globex",
    contacts: [{ name: "Vera", email: "vera@globex.test" }],
    products: [{ product: "cloud", finalRelease: "2099-01-01" }],
    slaPlanId: "standard",
  });
  ana = await t.staff(site._id, "supervisor", "Ana");
});
afterAll(async () => {
  await t.stop();
  await sink.close();
  await data.remove();
});

/** Delivers one email to the inbound receiver, as a mail server forwarding the support address would. */
async function deliver(mail: SendMailOptions & { envelope?: { from: string; to: string[] } }) {
  const port = t.server.inboundEmail.smtpPort();
  const transport = createTransport({ host: "127.0.0.1", port: Number(port), secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ to: SUPPORT, ...mail });
  } finally {
    transport.close();
  }
}

/** The SMTP reply code a refused delivery got. */
async function refusal(mail: Parameters<typeof deliver>[0]): Promise<number | undefined> {
  const err: unknown = await deliver(mail).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the delivery should have been refused").not.toBeNull();
  return (err as { responseCode?: number }).responseCode;
}

const ticketCount = () => Ticket.countDocuments({ site: site._id });
const ticketOfSubject = async (subject: string): Promise<TicketDto> => {
  const { tickets } = await ok(ana.socket, "ticket:list", { q: subject, sort: "number" });
  const [ticket] = tickets;
  if (!ticket) throw new Error(`no ticket "${subject}"`);
  return ticket;
};
const detail = (ticketId: string) =>
  ok(ana.socket, "ticket:get", {
    ticketId,
  });
const mailsTo = (address: string, subjectPart: string) => (m: ReceivedMail) =>
  m.envelopeTo.includes(address) && (m.mail.subject ?? "").includes(subjectPart);
const header = (m: ReceivedMail, name: string): string => {
  const value = m.mail.headers.get(name);
  return typeof value === "string" ? value : "";
};

describe("tickets by email", () => {
  it("should open a ticket with the policy's fields from an email to the support address", async () => {
    const info = await deliver({
      from: "Vera Contact <vera@globex.test>",
      subject: "[High] Nightly export stops",
      text: "Product: Acme Cloud\nThe nightly export stops at 50% since Monday.",
    });
    const ticket = await ticketOfSubject("Nightly export stops");
    expect(ticket).toMatchObject({
      subject: "Nightly export stops",
      priority: "high",
      channel: "email",
      unverifiedSender: false,
      needsTriage: false,
      requester: { name: "Vera Contact", email: "vera@globex.test" },
      customer: { name: "Globex" },
      assignee: null,
      status: "new",
    });
    expect(ticket.fields.product).toBe("cloud");
    expect(ticket.fields.details).toContain("stops at 50% since Monday");
    const { timeline } = await detail(ticket.id);
    expect(timeline[0]).toMatchObject({ type: "created", actor: { kind: "customer", name: "Vera Contact" } });
    expect(timeline[0]?.text).toContain(`emailed in ${ticket.number}`);

    // The acknowledgement answers the customer's email, with the ticket's reply address and an id of ours.
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "Nightly export stops")));
    const ack = sink.received.find(mailsTo("vera@globex.test", "Nightly export stops"));
    expect(ack?.mail.replyTo?.value[0]?.address).toMatch(/^support\+t-[a-f0-9]{32}@acme\.test$/);
    expect(ack?.mail.inReplyTo).toBe(info.messageId);
    expect(ack?.mail.messageId).toMatch(/^<parley\.[a-f0-9]{24}@acme\.test>$/);
    expect(header(ack as ReceivedMail, "auto-submitted")).toBe("auto-generated");
    expect(ack?.mail.text).toContain("Reply to this email to add to the ticket");
  });

  it("should make a ticket without a stated priority medium for triage, and mark an unknown sender", async () => {
    await deliver({ from: "Stranger <someone@elsewhere.test>", subject: "Cannot log in", text: "Help please" });
    const ticket = await ticketOfSubject("Cannot log in");
    expect(ticket).toMatchObject({
      priority: "medium",
      needsTriage: true,
      unverifiedSender: true,
      customer: null,
      channel: "email",
      flagged: true,
    });
    expect(ticket.fields.product).toBeNull();
    const { timeline } = await detail(ticket.id);
    expect(timeline[0]?.text).toContain("unverified sender");
  });

  it("should thread a reply to the ticket's reply address as the customer's, reopening a resolved ticket", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Low] Typo in the invoice", text: "Page 2" });
    const ticket = await ticketOfSubject("Typo in the invoice");
    await ok(ana.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "resolved, awaiting your confirmation")));
    const resolved = sink.received.find(
      (m) => mailsTo("vera@globex.test", "Typo in the invoice")(m) && m.mail.subject?.includes("resolved"),
    );
    const replyTo = resolved?.mail.replyTo?.value[0]?.address ?? "";
    expect(replyTo).toMatch(/^support\+t-/);

    const before = await ticketCount();
    await deliver({
      from: "Vera <vera@globex.test>",
      to: replyTo,
      subject: `Re: ${resolved?.mail.subject}`,
      text: "Still wrong on page 3.\n\nOn Mon, Acme Support wrote:\n> Ticket resolved",
    });
    expect(await ticketCount()).toBe(before);
    const { ticket: now, messages, timeline } = await detail(ticket.id);
    expect(now.status).toBe("open");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      author: { kind: "customer" },
      body: "Still wrong on page 3.",
      internal: false,
    });
    expect(timeline.some((e) => e.text === "answered the resolution; the ticket is open again")).toBe(true);
  });

  it("should thread a reply by In-Reply-To from the requester only, and answer a waiting-on-customer ticket", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Medium] Slow dashboard", text: "Takes 30 s" });
    const ticket = await ticketOfSubject("Slow dashboard");
    await ok(ana.socket, "ticket:act", { ticketId: ticket.id, action: "wait_on_customer" });
    await waitFor(() =>
      sink.received.some(
        (m) => mailsTo("vera@globex.test", "Slow dashboard")(m) && !!m.mail.subject?.includes("waiting"),
      ),
    );
    const asked = sink.received.find(
      (m) => mailsTo("vera@globex.test", "Slow dashboard")(m) && !!m.mail.subject?.includes("waiting"),
    );
    const ourId = asked?.mail.messageId ?? "";
    expect(ourId).toMatch(/^<parley\./);

    // To the plain support address, answering our email: the requester's reply threads.
    await deliver({
      from: "vera@globex.test",
      subject: "Re: Slow dashboard",
      text: "Here is the timing log.",
      inReplyTo: ourId,
      references: [ourId],
    });
    const { ticket: answered, messages } = await detail(ticket.id);
    expect(answered.status).toBe("open");
    expect(messages.map((m) => m.body)).toEqual(["Here is the timing log."]);

    // Someone else quoting the same id is not the requester: a new ticket, not a reply on Vera's.
    const before = await ticketCount();
    await deliver({
      from: "mallory@elsewhere.test",
      subject: "Re: Slow dashboard",
      text: "Please close this ticket.",
      inReplyTo: ourId,
    });
    expect(await ticketCount()).toBe(before + 1);
    expect((await detail(ticket.id)).messages).toHaveLength(1);
  });

  it("should keep a reply's allowed files and list the refused ones, as uploads are checked", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Low] Broken chart", text: "See below" });
    const ticket = await ticketOfSubject("Broken chart");
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "Broken chart")));
    const ack = sink.received.find(mailsTo("vera@globex.test", "Broken chart"));
    await deliver({
      from: "vera@globex.test",
      to: ack?.mail.replyTo?.value[0]?.address ?? "",
      subject: "Re: Broken chart",
      text: "Screenshot and the installer attached.",
      attachments: [
        { filename: "chart.png", content: PNG, contentType: "image/png" },
        { filename: "setup.exe", content: Buffer.from("MZ\x90\x00binary"), contentType: "application/octet-stream" },
        { filename: "fake.png", content: Buffer.from("not an image"), contentType: "image/png" },
      ],
    });
    const { ticket: withFiles, messages } = await detail(ticket.id);
    const [reply] = messages;
    expect(reply?.attachments.map((a) => [a.name, a.contentType])).toEqual([["chart.png", "image/png"]]);
    expect(reply?.body).toContain("[Not attached: setup.exe (only images");
    expect(reply?.body).toContain("fake.png (its content does not match its name)");
    expect(withFiles.attachments.map((a) => a.name)).toEqual(["chart.png"]);
    const file = await download(t, reply?.attachments[0]?.url ?? "", { cookie: ana.cookie });
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PNG)).toBe(true);
  });

  it("should take a new ticket's files through the same checks", async () => {
    await deliver({
      from: "vera@globex.test",
      subject: "[Critical] Server down",
      text: "Logs attached",
      attachments: [
        { filename: "server.log", content: "ERROR boot failed\n" },
        { filename: "dump.bin", content: randomBytes(32) },
      ],
    });
    const ticket = await ticketOfSubject("Server down");
    expect(ticket.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ["server.log", "text/plain; charset=utf-8"],
    ]);
    expect(ticket.fields.details).toContain("[Not attached: dump.bin");
  });

  it("should ignore and not answer auto-replies, bounces, bulk mail and our own emails coming back", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Low] Loop bait", text: "x" });
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "Loop bait")));
    const ack = sink.received.find(mailsTo("vera@globex.test", "Loop bait"));
    const sentBefore = sink.received.length;
    const before = await ticketCount();

    await deliver({
      from: "vera@globex.test",
      subject: "Out of office",
      text: "I am away",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    await deliver({ from: "news@globex.test", subject: "Newsletter", text: "x", headers: { Precedence: "bulk" } });
    await deliver({ from: "boss@globex.test", subject: "Away", text: "x", headers: { "X-Autoreply": "yes" } });
    await deliver({
      from: "MAILER-DAEMON@mx.globex.test",
      subject: "Undelivered Mail Returned to Sender",
      text: "x",
      envelope: { from: "", to: [SUPPORT] },
    });
    // Our own acknowledgement, delivered back to us as it was sent (a forwarding loop).
    await deliver({
      from: `Acme Support <${SUPPORT}>`,
      subject: ack?.mail.subject ?? "",
      text: ack?.mail.text ?? "",
      messageId: ack?.mail.messageId ?? "",
    });
    await deliver({ from: "vera@globex.test", subject: "Our id", text: "x", messageId: ack?.mail.messageId ?? "" });

    expect(await ticketCount()).toBe(before);
    expect(sink.received.length).toBe(sentBefore);
    const metrics = await fetch(`${t.url}/metrics`, {
      headers: { authorization: "Bearer metrics-token-for-inbound-mail-1" },
    }).then((r) => r.text());
    const count = (labels: string) =>
      Number(new RegExp(`^parley_inbound_emails_total\\{${labels}\\} (\\d+)$`, "m").exec(metrics)?.[1] ?? 0);
    expect(count('outcome="ignored",reason="automated"')).toBeGreaterThanOrEqual(4);
    expect(count('outcome="ignored",reason="own_address"')).toBeGreaterThanOrEqual(1);
    expect(count('outcome="ignored",reason="own_message"')).toBeGreaterThanOrEqual(1);
  });

  it("should open one ticket for an email delivered twice", async () => {
    const messageId = `<${randomBytes(8).toString("hex")}@globex.test>`;
    const before = await ticketCount();
    const mail = { from: "vera@globex.test", subject: "[Low] Twice", text: "Once", messageId };
    await deliver(mail);
    await deliver(mail);
    expect(await ticketCount()).toBe(before + 1);
  });

  it("should open a follow-up ticket for a reply to a closed ticket", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Low] Old problem", text: "x" });
    const ticket = await ticketOfSubject("Old problem");
    await Ticket.updateOne({ _id: ticket.id }, { $set: { status: "closed" } });
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "Old problem")));
    const ack = sink.received.find(mailsTo("vera@globex.test", "Old problem"));
    await deliver({
      from: "vera@globex.test",
      to: ack?.mail.replyTo?.value[0]?.address ?? "",
      subject: "Re: Old problem",
      text: "It is back",
    });
    const { tickets } = await ok(ana.socket, "ticket:list", { q: "Old problem" });
    expect(tickets).toHaveLength(2);
    const followUp = tickets.find((x) => x.id !== ticket.id);
    expect(followUp?.fields.details).toContain(`Follow-up to ${ticket.number}, which is closed.`);
    expect((await detail(ticket.id)).messages).toHaveLength(0);
  });

  it("should refuse mail for other addresses, over-size mail and a flooding sender at the SMTP level", async () => {
    const before = await ticketCount();
    expect(await refusal({ from: "vera@globex.test", to: "someone@acme.test", subject: "x", text: "x" })).toBe(550);
    expect(await refusal({ from: "vera@globex.test", to: "support@other.test", subject: "x", text: "x" })).toBe(550);
    const big = { filename: "big.log", content: "a".repeat(MAX_BYTES) };
    expect(await refusal({ from: "vera@globex.test", subject: "Big", text: "x", attachments: [big] })).toBe(552);
    // 30 messages from one sender in 10 minutes, then deferred (counted at MAIL FROM, before the recipient).
    for (let i = 0; i < 30; i++) {
      expect(await refusal({ from: "flood@elsewhere.test", to: "nobody@acme.test", subject: "x", text: "x" })).toBe(
        550,
      );
    }
    expect(await refusal({ from: "flood@elsewhere.test", subject: "x", text: "x" })).toBe(451);
    expect(await ticketCount()).toBe(before);
  });

  it("should refuse clients outside the allowed list, and stop listening when stopped", async () => {
    const receiver = new SmtpReceiver(t.server.inboundEmail.intake, {
      port: 0,
      host: "127.0.0.1",
      allowedClients: ["192.0.2.1"],
      maxBytes: MAX_BYTES,
      perSender: { take: async () => true },
      logger: createLogger("silent"),
    });
    await receiver.start();
    const port = receiver.port;
    const send = () =>
      createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true })
        .sendMail({ from: "vera@globex.test", to: SUPPORT, subject: "x", text: "x" })
        .then(
          () => null,
          (e: { responseCode?: number; code?: string }) => e,
        );
    expect((await send())?.responseCode).toBe(554);
    await receiver.stop();
    expect((await send())?.code).toBe("ESOCKET");
  });

  it("should leave a staff reply's email threaded for the customer to answer", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Low] Question about limits", text: "How many?" });
    const ticket = await ticketOfSubject("Question about limits");
    await ok(ana.socket, "ticket:reply", {
      ticketId: ticket.id,
      clientMsgId: msgId(),
      body: "Up to 50.",
      internal: false,
    });
    await waitFor(() =>
      sink.received.some(
        (m) => mailsTo("vera@globex.test", "Question about limits")(m) && !!m.mail.subject?.includes("Reply from"),
      ),
    );
    const reply = sink.received.find(
      (m) => mailsTo("vera@globex.test", "Question about limits")(m) && !!m.mail.subject?.includes("Reply from"),
    );
    await deliver({
      from: "vera@globex.test",
      to: reply?.mail.replyTo?.value[0]?.address ?? "",
      subject: `Re: ${reply?.mail.subject}`,
      text: "Thanks, and per user?",
      inReplyTo: reply?.mail.messageId ?? "",
    });
    const { messages } = await detail(ticket.id);
    expect(messages.map((m) => [m.author.kind, m.body])).toEqual([
      ["staff", "Up to 50."],
      ["customer", "Thanks, and per user?"],
    ]);
  });

  it("should look up what an email needs by primary key only: its ids, the reply token, the sender's customer", async () => {
    await deliver({ from: "vera@globex.test", subject: "[Low] Keyed lookups", text: "x" });
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "Keyed lookups")));
    const ack = sink.received.find(mailsTo("vera@globex.test", "Keyed lookups"));
    const recording = recordCommands();
    try {
      await deliver({
        from: "vera@globex.test",
        to: ack?.mail.replyTo?.value[0]?.address ?? "",
        subject: "Re: Keyed lookups",
        text: "More",
        inReplyTo: ack?.mail.messageId ?? "",
      });
      await deliver({ from: "vera@globex.test", subject: "[Low] Another keyed one", text: "y" });
    } finally {
      recording.stop();
    }
    // The intake's own reads (the ticket desk's writes are checked with the tickets).
    const ours = ["mail_ids", "ticket_reply_tokens", "customer_contacts", "customers", "tickets", "ticket_sources"];
    const reads = recording.commands.filter((c) => c.name === "find" && ours.includes(c.collection));
    expect(reads.map((c) => c.collection)).toEqual(expect.arrayContaining(["mail_ids", "ticket_reply_tokens"]));
    const byKeyOnly = (f: Record<string, unknown>) => Object.keys(f).join() === "_id" && typeof f._id !== "object";
    const objectIdKey = (f: Record<string, unknown>) =>
      Object.keys(f).join() === "_id" && typeof f._id === "object" && f._id !== null && "toHexString" in f._id;
    expect(reads.filter((c) => !c.filters.every((f) => byKeyOnly(f) || objectIdKey(f)))).toEqual([]);
  });

  it("should refuse, at the SMTP level, a known customer without entitlement on a site that refuses those", async () => {
    await Customer.create({
      site: site._id,
      name: "Lapsed",
      contacts: [{ name: "Lou", email: "lou@lapsed.test" }],
      products: [{ product: "cloud", finalRelease: "2001-01-01" }],
      slaPlanId: "standard",
    });
    await Site.updateOne({ _id: site._id }, { $set: { "tickets.refuseUnentitled": true } });
    try {
      const before = await ticketCount();
      const mail = { from: "lou@lapsed.test", subject: "[High] Acme Cloud down", text: "Product: cloud" };
      expect(await refusal(mail)).toBe(550);
      expect(await ticketCount()).toBe(before);
      // Unknown senders are still taken in: nobody can tell their entitlement yet.
      await deliver({ from: "new@lapsed-not.test", subject: "[High] Acme Cloud down too", text: "Product: cloud" });
      expect(await ticketCount()).toBe(before + 1);
    } finally {
      await Site.updateOne({ _id: site._id }, { $set: { "tickets.refuseUnentitled": false } });
    }
  });

  it("should take a message as the IMAP poller hands it: recipients from its headers, else the support mailbox's", async () => {
    // No IMAP server here: the poller's adapter hands the intake the raw message with no envelope, as below.
    const raw = (mail: SendMailOptions) => new MailComposer(mail).compile().build();
    const intake = t.server.inboundEmail.intake;
    const opened = await intake.take(
      await raw({ from: "vera@globex.test", to: SUPPORT, subject: "[Low] From the mailbox", text: "x" }),
      { fromMailbox: true },
    );
    expect(opened).toMatchObject({ kind: "ticket" });
    const ticket = await ticketOfSubject("From the mailbox");
    await waitFor(() => sink.received.some(mailsTo("vera@globex.test", "From the mailbox")));
    const ack = sink.received.find(mailsTo("vera@globex.test", "From the mailbox"));
    const replied = await intake.take(
      await raw({ from: "vera@globex.test", to: ack?.mail.replyTo?.value[0]?.address, subject: "Re", text: "More" }),
      { fromMailbox: true },
    );
    expect(replied).toEqual({ kind: "reply", ticketId: ticket.id, number: ticket.number });
    // Bcc'd to support: no support address in the headers, yet it was in the support mailbox.
    const bcc = await raw({ from: "vera@globex.test", to: "team@globex.test", subject: "[Low] Bcc'd", text: "y" });
    expect(await intake.take(bcc, { fromMailbox: true })).toMatchObject({ kind: "ticket" });
    // The same bytes delivered by SMTP to nobody of ours would not be: the envelope decides there.
    const stray = await raw({ from: "vera@globex.test", to: "team@globex.test", subject: "Stray", text: "z" });
    expect(await intake.take(stray, { to: ["team@globex.test"] })).toEqual({ kind: "ignored", reason: "not_for_us" });
  });
});
