import type { Logger } from "../logging/logger.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { escalateOnBreach } from "../tickets/ticket-escalation.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { ticketSettingsOf } from "../tickets/ticket-settings.ts";
import { changeStatus } from "../tickets/ticket-status.ts";
import { recordAll, SYSTEM_ACTOR, type TimelineLine } from "../tickets/ticket-timeline.ts";
import { alertLevel, timingOnSite } from "../tickets/ticket-writes.ts";
import { ticketWritten } from "../tickets/ticket-written.ts";
import type { SlaCheckDoc } from "./sla-check.model.ts";
import type { SlaState } from "./sla-clock.ts";
import { dueChecks, reconcileSchedule, scheduleCheck } from "./sla-schedule.ts";

const BATCH = 200;
const CONCURRENT_CHECKS = 3;
const RETRY_AFTER_MS = 60_000;
/** The schedule is checked against the tickets at start and then hourly (it reads every ticket). */
const RECONCILE_MS = 60 * 60_000;
const ESCALATABLE = new Set(["new", "open", "workaround_provided"]);
type Target = "response" | "workaround";

/**
 * Looks at tickets when something is due: a target turning at risk (75%) or breached (100%), or a resolved
 * ticket's auto-close. Every ticket stores when that next happens (`nextCheckAt`), mirrored into a small
 * schedule (sla-schedule.ts), so a pass reads what is due, not every ticket. A breach escalates the ticket
 * automatically and alerts the site's leads. Runs on a timer and
 * after a restart catches up on everything that fell due while the server was down.
 */
export class SlaWatch {
  private timer: NodeJS.Timeout | null = null;
  private reconciler: NodeJS.Timeout | null = null;
  /** The schedule set in step at start: every pass waits for it. */
  private reconciled: Promise<void> = Promise.resolve();
  private running: Promise<void> | null = null;

  constructor(
    private readonly desk: TicketDesk,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Starts the timer; the first pass runs once the schedule is in step with the tickets (after a crash, say). */
  start(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err) => this.logger.error({ err }, "SLA watch failed")),
      this.intervalMs,
    );
    this.timer.unref();
    this.reconciler = setInterval(() => void this.reconcile(), RECONCILE_MS);
    this.reconciler.unref();
    this.reconciled = this.reconcile();
    void this.sweep().catch((err) => this.logger.error({ err }, "SLA watch failed"));
  }

  private reconcile(): Promise<void> {
    return reconcileSchedule().then(
      (fixed) => {
        if (fixed > 0) this.logger.info({ event: "sla_schedule_reconciled", fixed }, "SLA schedule set in step");
      },
      (err) => this.logger.warn({ err }, "SLA schedule reconcile failed"),
    );
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.reconciler) clearInterval(this.reconciler);
    this.timer = null;
    await this.running;
  }

  /** One pass at the desk's clock; passes never overlap. */
  sweep(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    await this.reconciled;
    const now = this.desk.clock();
    const rows = await dueChecks(now, BATCH);
    // Tickets are independent (each write is a compare-and-set on its own ticket): a few at a time, so the pass
    // waits on the database's round trips a few at once rather than one after the other.
    let next = 0;
    const worker = async () => {
      while (next < rows.length) await this.checkDue(rows[next++] as SlaCheckDoc, now);
    };
    await Promise.all(Array.from({ length: CONCURRENT_CHECKS }, worker));
  }

  private async checkDue(row: SlaCheckDoc, now: Date): Promise<void> {
    // The ticket's own time decides; a row out of step with it (a write after this pass began) is set right.
    const ticket = await Ticket.findById(row._id).lean<TicketDoc>();
    if (!ticket?.nextCheckAt || ticket.nextCheckAt > now) {
      await scheduleCheck(ticket ?? { _id: row._id, site: row.site, nextCheckAt: null });
      return;
    }
    try {
      await this.check(ticket, await siteOf(ticket.site), now);
    } catch (err) {
      this.logger.warn({ err, ticket: ticket._id.toHexString() }, "SLA check failed; retried in a minute");
      await this.postpone(ticket, now).catch(() => undefined);
    }
  }

  private async check(ticket: TicketDoc, site: SiteDoc, now: Date): Promise<void> {
    const ctx = { site, now, notifier: this.desk.notifier };
    if (ticket.status === "resolved" && ticket.autoCloseAt && ticket.autoCloseAt <= now) {
      const days = ticketSettingsOf(site).autoCloseWorkingDays;
      await changeStatus(ticket, "auto_close", SYSTEM_ACTOR, ctx, {
        text: `closed the ticket: no answer ${days} working day${days === 1 ? "" : "s"} after it was resolved`,
      });
      return;
    }
    const timing = (t: TicketDoc) => timingOnSite({ ...t, resolvedAt: t.resolvedAt ?? null }, site, now);
    const derived = timing(ticket);
    const before = { response: ticket.slaAlerted?.response ?? null, workaround: ticket.slaAlerted?.workaround ?? null };
    const changes = (["response", "workaround"] as const)
      .map((target): [Target, SlaState | null] => [target, derived.slaState[target]])
      .filter((c): c is [Target, SlaState] => alertLevel(c[1]) > alertLevel(before[c[0]]));

    // Announce first, then record what was announced: if anything fails on the way, the next pass
    // announces again rather than never (a repeated alert beats a lost breach).
    const number = formatTicketNumber(ticket.number);
    const words = (target: Target) => (target === "response" ? "first-response" : "workaround");
    // The timeline reads "Parley marked …"; the lines are written with the escalation's, if there is one.
    const lines: TimelineLine[] = changes.map(([target, state]) => ({
      type: "sla",
      text:
        state === "breached"
          ? `marked the ${words(target)} target breached`
          : `marked the ticket at risk of breaching the ${words(target)} target`,
    }));
    const breach = changes.find(([, state]) => state === "breached");
    const escalating = breach !== undefined && ESCALATABLE.has(ticket.status);
    if (!escalating) await recordAll(ticket._id, SYSTEM_ACTOR, now, lines);
    for (const [target, state] of changes) {
      // The alert follows the ticket's number and subject.
      const alert =
        state === "breached"
          ? `Breached the ${words(target)} target`
          : `At risk of breaching the ${words(target)} target`;
      await this.desk.notifier.alert(ticket, site, {
        ticketId: ticket._id.toHexString(),
        number,
        subject: ticket.fields.subject,
        kind: state === "breached" ? "breached" : "at_risk",
        target,
        at: now.toISOString(),
        text: alert,
      });
    }
    const alerted = Object.fromEntries(changes);
    if (escalating) {
      // The escalation's own update records what was announced and stores the new times: one write, not two.
      await escalateOnBreach(this.desk, ticket, site, breach[0], {
        set: { slaAlerted: { ...before, ...alerted } },
        lines,
      });
      return;
    }
    const latest = ticket;
    const updated = await Ticket.findOneAndUpdate(
      { _id: ticket._id, status: latest.status },
      { $set: { ...timing(latest), slaAlerted: { ...before, ...alerted } } },
      { returnDocument: "after" },
    ).lean<TicketDoc>();
    if (updated) await ticketWritten(updated, site, now, ticket);
    // Someone changed the ticket meanwhile; their write set a fresh check time, and the next pass sees it.
    if (updated && changes.length > 0 && latest === ticket) this.desk.notifier.changed(updated, site, now);
  }

  /** A ticket whose check keeps failing must not hold up the others: it is looked at again later. */
  async postpone(ticket: TicketDoc, now: Date): Promise<void> {
    const at = new Date(now.getTime() + RETRY_AFTER_MS);
    const moved = await Ticket.updateOne(
      { _id: ticket._id, nextCheckAt: ticket.nextCheckAt },
      { $set: { nextCheckAt: at } },
    );
    if (moved.modifiedCount > 0) await scheduleCheck({ ...ticket, nextCheckAt: at });
  }
}
