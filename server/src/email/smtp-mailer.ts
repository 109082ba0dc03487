import { createTransport } from "nodemailer";
import type { Config } from "../config/config.ts";
import type { Logger } from "../logging/logger.ts";
import type { Mailer, MailResult, OutgoingMail } from "./mail.ts";

/** A mailer whose sends the server can wait for when it stops (and tests, before they look). */
export interface ServerMailer extends Mailer {
  /** Sends still in progress. */
  pending(): number;
  /** Resolves once every send started so far has finished, or after `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
  /** Flushes, then closes the SMTP connections. */
  close(timeoutMs?: number): Promise<void>;
}

/** Bounds on one SMTP exchange, so a dead mail server cannot hold a send (or a shutdown) for minutes. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

const DEFAULT_FLUSH_TIMEOUT_MS = 15_000;

// One address, no list: a comma, angle bracket or line break in a stored email must not add recipients.
const SINGLE_ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;

/** What a failed send logs: nodemailer's error code ("ECONNECTION", "EENVELOPE") and the SMTP reply code. */
function smtpFailure(err: unknown): { code?: string; responseCode?: number } {
  if (typeof err !== "object" || err === null) return {};
  const { code, responseCode } = err as { code?: unknown; responseCode?: unknown };
  return {
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof responseCode === "number" ? { responseCode } : {}),
  };
}

/**
 * Plain-text email over SMTP (config SMTP_URL, e.g. `smtp://127.0.0.1:2525`), from config EMAIL_FROM.
 * Without SMTP_URL nothing is sent: each email is logged as `email_skipped` (its kind and ticket number, never
 * its recipient or subject) and reported "skipped", never as sent. Callers `void mailer.send(...)`; the
 * server's stop awaits {@link ServerMailer.flush}.
 */
export function createMailer(config: Pick<Config, "smtpUrl" | "emailFrom">, logger: Logger): ServerMailer {
  const transport = config.smtpUrl
    ? createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS }, { from: config.emailFrom })
    : null;
  const inflight = new Set<Promise<MailResult>>();

  async function deliver(mail: OutgoingMail): Promise<MailResult> {
    // Never the recipient or the subject (it quotes the ticket's subject as the customer typed it): logs carry
    // no user text and no personal data. The kind and the ticket number say which email it was.
    const about = { kind: mail.kind, ticket: mail.ticket };
    if (!SINGLE_ADDRESS.test(mail.to)) {
      logger.warn({ event: "email_failed", ...about, reason: "invalid recipient" }, "email not sent");
      return "failed";
    }
    if (!transport) {
      logger.info({ event: "email_skipped", ...about }, "SMTP_URL is not set; email not sent");
      return "skipped";
    }
    try {
      const subject = mail.subject.replace(/[\r\n]+/g, " ");
      const info = await transport.sendMail({
        to: mail.to,
        subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.replyTo && SINGLE_ADDRESS.test(mail.replyTo) ? { replyTo: mail.replyTo } : {}),
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.inReplyTo } : {}),
        // RFC 3834: Parley's emails are sent by a program, so the recipient's auto-responder (an out-of-office)
        // does not answer them, and Parley's own intake ignores any that come back.
        headers: { "Auto-Submitted": "auto-generated" },
        ...(mail.calendar ? { icalEvent: { method: "REQUEST", filename: "invite.ics", content: mail.calendar } } : {}),
      });
      logger.info({ event: "email_sent", ...about, messageId: info.messageId }, "email sent");
      return "sent";
    } catch (err) {
      // Not the message: an SMTP refusal quotes the recipient ("550 <vera@…>: unknown user").
      logger.warn({ event: "email_failed", ...about, ...smtpFailure(err) }, "email not sent");
      return "failed";
    }
  }

  const flush = async (timeoutMs = DEFAULT_FLUSH_TIMEOUT_MS): Promise<void> => {
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });
    // Again while sends remain: one may have been started while the last ones were awaited.
    while (inflight.size > 0 && !timedOut) await Promise.race([Promise.allSettled([...inflight]), timeout]);
    clearTimeout(timer);
  };

  return {
    send(mail) {
      const sending = deliver(mail).catch(() => "failed" as const);
      inflight.add(sending);
      void sending.finally(() => inflight.delete(sending));
      return sending;
    },
    pending: () => inflight.size,
    flush,
    async close(timeoutMs) {
      await flush(timeoutMs);
      transport?.close();
    },
  };
}
