import type { Leases } from "../cluster/leases.ts";
import type { Logger } from "../logging/logger.ts";
import type { MailResult, OutgoingMail } from "./mail.ts";
import { OutboxMail, type OutboxMailDoc } from "./outbox-mail.model.ts";
import type { ServerMailer } from "./smtp-mailer.ts";

/** Waits between attempts, as multiples of the base (1 min by default): 1, 5, 15, 60, 180, 360 minutes. */
const BACKOFF = [1, 5, 15, 60, 180, 360];
const MAX_ATTEMPTS = BACKOFF.length + 1;
/** How long an attempt owns its email before a sweep may take it (an attempt cut by a crash). */
const CLAIM_MS = 2 * 60_000;
const SWEEP_BATCH = 50;

/**
 * Email that survives failures and restarts. Each email is stored before its first attempt; a send that fails is
 * tried again with growing waits, by a sweep that runs on one node at a time (its lease), and after the last
 * attempt it is kept as failed, for admins to see and retry. Without SMTP_URL nothing is stored: emails are
 * skipped (and logged) as before.
 */
export class EmailOutbox implements ServerMailer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: ServerMailer,
    private readonly opts: {
      configured: boolean;
      leases: Leases;
      logger: Logger;
      sweepIntervalMs: number;
      retryBaseMs: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  async send(mail: OutgoingMail): Promise<MailResult> {
    // A secret (a reset link) is sent now or never: stored, it would sit in the database and could be retried
    // after it expired.
    if (!this.opts.configured || mail.secret) return this.transport.send(mail);
    let stored: OutboxMailDoc;
    try {
      stored = (
        await OutboxMail.create({ ...mail, nextAttemptAt: new Date(this.now().getTime() + CLAIM_MS) })
      ).toObject() as OutboxMailDoc;
    } catch (err) {
      // The database is away: send without the safety net rather than not at all.
      this.opts.logger.warn({ err, event: "email_outbox_unavailable", kind: mail.kind }, "email sent unqueued");
      return this.transport.send(mail);
    }
    return this.attempt(stored);
  }

  start(): void {
    this.timer = setInterval(async () => {
      if (!(await this.opts.leases.hold("email-outbox", this.opts.sweepIntervalMs * 3))) return;
      await this.sweep().catch((err) => this.opts.logger.warn({ err }, "email outbox sweep failed"));
    }, this.opts.sweepIntervalMs);
    this.timer.unref();
  }

  /** Tries every email whose wait is over, each claimed first so two sweeps never send one twice. */
  async sweep(): Promise<number> {
    const now = this.now();
    const due = await OutboxMail.find({ status: "pending", nextAttemptAt: { $lte: now } })
      .limit(SWEEP_BATCH)
      .lean<OutboxMailDoc[]>();
    let tried = 0;
    for (const mail of due) {
      const claimed = await OutboxMail.findOneAndUpdate(
        { _id: mail._id, status: "pending", attempts: mail.attempts },
        { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } },
        { returnDocument: "after" },
      ).lean<OutboxMailDoc>();
      if (!claimed) continue;
      await this.attempt(claimed);
      tried++;
    }
    return tried;
  }

  /** An admin asks for another try of a failed (or waiting) email now. */
  async retry(id: OutboxMailDoc["_id"]): Promise<boolean> {
    const updated = await OutboxMail.updateOne(
      { _id: id },
      { $set: { status: "pending", attempts: 0, nextAttemptAt: this.now(), lastError: null } },
    );
    return updated.matchedCount > 0;
  }

  private async attempt(mail: OutboxMailDoc): Promise<MailResult> {
    const result = await this.transport.send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.calendar ? { calendar: mail.calendar } : {}),
      kind: mail.kind as OutgoingMail["kind"],
      ...(mail.ticket ? { ticket: mail.ticket } : {}),
      ...(mail.site ? { site: mail.site } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    });
    if (result !== "failed") {
      await OutboxMail.deleteOne({ _id: mail._id });
      return result;
    }
    const attempts = mail.attempts + 1;
    const wait = BACKOFF[attempts - 1];
    const giveUp = attempts >= MAX_ATTEMPTS || wait === undefined;
    await OutboxMail.updateOne(
      { _id: mail._id },
      {
        $set: {
          attempts,
          status: giveUp ? "failed" : "pending",
          nextAttemptAt: new Date(this.now().getTime() + (wait ?? 0) * this.opts.retryBaseMs),
          lastError: "SMTP delivery failed",
        },
      },
    );
    this.opts.logger.warn(
      { event: giveUp ? "email_gave_up" : "email_retry_scheduled", kind: mail.kind, ticket: mail.ticket, attempts },
      giveUp ? "email kept as failed" : "email will be retried",
    );
    return "failed";
  }

  pending(): number {
    return this.transport.pending();
  }

  flush(timeoutMs?: number): Promise<void> {
    return this.transport.flush(timeoutMs);
  }

  async close(timeoutMs?: number): Promise<void> {
    clearInterval(this.timer);
    await this.transport.close(timeoutMs);
  }
}
