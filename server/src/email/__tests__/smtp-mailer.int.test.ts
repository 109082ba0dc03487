import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { createLogger } from "../../logging/logger.ts";
import { createMailer } from "../smtp-mailer.ts";
import { ticketStatusEmail } from "../ticket-emails.ts";

let sink: Awaited<ReturnType<typeof smtpSink>>;
let smtpUrl: string;
let received: ReceivedMail[];

beforeAll(async () => {
  sink = await smtpSink();
  smtpUrl = sink.url;
  received = sink.received;
});
afterAll(() => sink.close());

/** A logger whose JSON lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), lines };
}

const statusMail = ticketStatusEmail({
  to: "vera@example.test",
  requesterName: "Vera",
  number: "T-1001",
  subject: "Export fails — ünïcode",
  siteName: "Acme Support",
  status: "resolved",
  agentName: "Ana",
});

describe("createMailer", () => {
  it("should deliver a ticket email through SMTP with its To, From, Subject and body", async () => {
    const mailer = createMailer({ smtpUrl, emailFrom: "Acme Support <support@acme.test>" }, createLogger("silent"));
    const before = received.length;
    const sending = mailer.send(statusMail);
    expect(mailer.pending()).toBe(1);
    await mailer.flush();
    expect(mailer.pending()).toBe(0);
    expect(await sending).toBe("sent");
    await mailer.close();

    expect(received).toHaveLength(before + 1);
    const got = received.at(-1);
    expect(got?.envelopeTo).toEqual(["vera@example.test"]);
    expect(got?.mail.to).toMatchObject({ text: "vera@example.test" });
    expect(got?.mail.from?.value).toEqual([{ name: "Acme Support", address: "support@acme.test" }]);
    expect(got?.mail.subject).toBe("[T-1001] Status: resolved, awaiting your confirmation — Export fails — ünïcode");
    expect(got?.mail.text?.trim()).toBe(statusMail.text.trim());
    expect(got?.mail.html).toBe(false);
  });

  it("should skip, log that it skipped, and send nothing without SMTP_URL", async () => {
    const { logger, lines } = capturingLogger();
    const mailer = createMailer({ smtpUrl: undefined, emailFrom: "Parley Support <support@localhost>" }, logger);
    const before = received.length;
    expect(await mailer.send(statusMail)).toBe("skipped");
    await mailer.flush();
    expect(received).toHaveLength(before);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, event: "email_skipped", kind: "ticket_status", ticket: "T-1001" }),
    );
  });

  it("should report a failure, not throw, when the SMTP server cannot be reached", async () => {
    const { logger, lines } = capturingLogger();
    const closed = new SMTPServer({ authOptional: true, logger: false });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, emailFrom: "x <x@localhost>" }, logger);
    expect(await mailer.send(statusMail)).toBe("failed");
    expect(lines).toContainEqual(
      expect.objectContaining({ event: "email_failed", kind: "ticket_status", ticket: "T-1001" }),
    );
    await mailer.close();
  });

  it("should refuse a recipient that is not one plain address", async () => {
    const mailer = createMailer({ smtpUrl, emailFrom: "x <x@localhost>" }, createLogger("silent"));
    const before = received.length;
    expect(await mailer.send({ ...statusMail, to: "vera@example.test, boss@example.test" })).toBe("failed");
    expect(await mailer.send({ ...statusMail, to: "vera@example.test\r\nBcc: x@example.test" })).toBe("failed");
    await mailer.close();
    expect(received).toHaveLength(before);
  });

  it("should log no recipient address and no subject, whether it skips, sends, refuses or fails", async () => {
    // The docs promise logs without user text (docs/deploying.md, "Security"): the subject carries the ticket's subject
    // as the customer typed it.
    const { logger, lines } = capturingLogger();
    const skipping = createMailer({ smtpUrl: undefined, emailFrom: "x <x@localhost>" }, logger);
    const sending = createMailer({ smtpUrl, emailFrom: "x <x@localhost>" }, logger);
    const failing = createMailer({ smtpUrl: "smtp://127.0.0.1:1", emailFrom: "x <x@localhost>" }, logger);
    expect(await skipping.send(statusMail)).toBe("skipped");
    expect(await sending.send(statusMail)).toBe("sent");
    expect(await sending.send({ ...statusMail, to: "vera@example.test, boss@example.test" })).toBe("failed");
    expect(await failing.send(statusMail)).toBe("failed");
    await Promise.all([skipping.close(), sending.close(), failing.close()]);

    expect(lines.map((l) => l.event)).toEqual(["email_skipped", "email_sent", "email_failed", "email_failed"]);
    const logged = JSON.stringify(lines);
    for (const secret of ["vera@", "example.test", "Export fails", "ünïcode", "boss@"]) {
      expect(logged).not.toContain(secret);
    }
  });
});
