import type { Leases } from "../cluster/leases.ts";
import type { Logger } from "../logging/logger.ts";
import type { IntakeOutcome } from "./email-intake.ts";
import type { Envelope } from "./inbound-mail.ts";

/** What the poller needs of a mailbox (imap-mailbox.ts over imapflow): unseen messages, their bytes, a Seen flag. */
export interface Mailbox {
  /** UIDs of the messages not yet marked seen, oldest first. */
  unseen(): Promise<number[]>;
  /** A message's size; null when it is gone (deleted meanwhile). */
  size(uid: number): Promise<number | null>;
  source(uid: number): Promise<Buffer | null>;
  markSeen(uid: number): Promise<void>;
  close(): Promise<void>;
}

/** A message that failed this many times in a row is marked seen and left for a person to look at in the mailbox. */
const MAX_FAILURES = 3;

export interface PollResult {
  taken: number;
  failed: number;
  skipped: number;
}

/**
 * Polls a hosted mailbox (IMAP_URL) and hands each unseen message to the same intake the SMTP receiver uses (issue
 * 15). The bookkeeping is the Seen flag: a message is marked seen once the intake has dealt with it (a ticket, a
 * reply, or ignored), so a restart or another node picks up exactly what is left; one whose intake failed (the
 * database away) stays unseen and is tried at the next poll, up to MAX_FAILURES times. A message over the size limit
 * is marked seen unread. Polls never overlap, and run on one node at a time (a lease), so two nodes do not take the
 * same message in at once (were they to, the intake's Message-ID keys make the second a no-op).
 */
export class ImapPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PollResult> | null = null;
  private readonly failures = new Map<number, number>();
  private stopping = false;

  constructor(
    private readonly opts: {
      open: () => Promise<Mailbox>;
      intake: (raw: Buffer, envelope: Envelope) => Promise<IntakeOutcome>;
      intervalMs: number;
      maxBytes: number;
      leases: Leases;
      logger: Logger;
    },
  ) {}

  start(): void {
    this.timer = setInterval(async () => {
      if (!(await this.opts.leases.hold("imap-poll", this.opts.intervalMs * 3))) return;
      await this.pollOnce().catch((err: unknown) =>
        this.opts.logger.warn({ err, event: "imap_poll_failed" }, "mailbox poll failed"),
      );
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  /** One pass over the unseen messages; a pass already running is joined rather than doubled. */
  pollOnce(): Promise<PollResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<PollResult> {
    const result: PollResult = { taken: 0, failed: 0, skipped: 0 };
    const mailbox = await this.opts.open();
    try {
      for (const uid of await mailbox.unseen()) {
        // A stop waits for the message in hand only; the rest stay unseen for the next poll (here or another node).
        if (this.stopping) break;
        const size = await mailbox.size(uid);
        if (size === null) continue;
        if (size > this.opts.maxBytes) {
          this.opts.logger.info({ event: "inbound_email_refused", reason: "too_large", size }, "email too large");
          await mailbox.markSeen(uid);
          result.skipped++;
          continue;
        }
        const raw = await mailbox.source(uid);
        if (!raw) continue;
        let taken = true;
        try {
          // A mailbox has no envelope: the headers say whom the message was for.
          await this.opts.intake(raw, { fromMailbox: true });
        } catch (err) {
          taken = false;
          const failures = (this.failures.get(uid) ?? 0) + 1;
          this.failures.set(uid, failures);
          result.failed++;
          const giveUp = failures >= MAX_FAILURES;
          this.opts.logger.warn(
            { err, event: giveUp ? "inbound_email_gave_up" : "inbound_email_failed", failures },
            giveUp ? "email left in the mailbox, marked seen" : "email will be tried again",
          );
          if (!giveUp) continue;
        }
        this.failures.delete(uid);
        await mailbox.markSeen(uid);
        if (taken) result.taken++;
      }
    } finally {
      await mailbox.close().catch(() => {});
    }
    return result;
  }

  /** Stops polling, and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running?.catch(() => {});
  }
}
