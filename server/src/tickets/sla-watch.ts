import type { Leases } from "../cluster/leases.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { ticketSettingsOf } from "../sites/ticket-settings.ts";
import type { SlaState } from "../sla/sla-clock.ts";
import type { SlaCheckDoc } from "./sla-check.model.ts";
import { dueChecks, reconcileSchedule, scheduleCheck } from "./sla-schedule.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import type { TicketDesk } from "./ticket-desk.ts";
import { escalateOnBreach } from "./ticket-escalation.ts";
import { formatTicketNumber } from "./ticket-number.ts";
import { changeStatus } from "./ticket-status.ts";
import { recordAll, SYSTEM_ACTOR, type TimelineLine } from "./ticket-timeline.ts";
import { alertLevel, timingOnSite, updateTicketIf } from "./ticket-writes.ts";
import { ticketWritten } from "./ticket-written.ts";

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
 * automatically and alerts the site's leads. Runs on a timer, on the one node holding the "sla-watch" lease, and
 * after a restart catches up on everything that fell due while the server was down. Each announcement follows a
 * compare-and-set claim, so passes that overlap anyway (a test calling sweep() on every node) announce once.
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
    private readonly leases: Leases,
  ) {}

  /** Starts the timer; the first pass runs once the schedule is in step with the tickets (after a crash, say). */
  start(): void {
    const leasedSweep = async () => {
      // A few rounds' worth: a holder that dies hands the watch over within three intervals.
      if (await this.leases.hold("sla-watch", this.intervalMs * 3)) await this.sweep();
    };
    this.timer = setInterval(
      () => void leasedSweep().catch((err) => this.logger.error({ err }, "SLA watch failed")),
      this.intervalMs,
    );
    this.timer.unref();
    this.reconciler = setInterval(async () => {
      if (await this.leases.hold("sla-reconcile", RECONCILE_MS * 2)) await this.reconcile();
    }, RECONCILE_MS);
    this.reconciler.unref();
    // Every node sets the schedule in step once as it starts: a node that comes back after a crash may have left
    // a ticket's row behind, and its passes wait for this.
    this.reconciled = this.reconcile();
    void leasedSweep().catch((err) => this.logger.error({ err }, "SLA watch failed"));
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

    // Claim, then announce. The claim is a compare-and-set of what was announced, as read: with several nodes (or
    // passes) looking at the same due ticket, one write wins and only its node announces, so a breach gives one
    // escalation, one alert and one email. A crash between the claim and the announcement loses that alert; the
    // ticket still shows its state, and a duplicate on every node would be worse.
    if (changes.length === 0) {
      await this.reschedule(ticket, site, now, before);
      return;
    }
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
    const slaAlerted = { ...before, ...Object.fromEntries(changes) };
    const unannounced = { "slaAlerted.response": before.response, "slaAlerted.workaround": before.workaround };
    if (escalating) {
      // The escalation's own update is the claim: it records what was announced and stores the new times.
      await escalateOnBreach(this.desk, ticket, site, breach[0], {
        set: { slaAlerted },
        guard: unannounced,
        lines,
        afterClaim: () => this.announce(ticket, site, now, changes),
      }).catch((err: unknown) => {
        // Lost the claim: another node escalated this breach, or someone changed the ticket meanwhile.
        if (!(err instanceof AppError && err.code === "CONFLICT")) throw err;
      });
      return;
    }
    const claimed = await updateTicketIf(ticket, unannounced, { slaAlerted }, site, now);
    // Another node (or a write meanwhile) got there first: it announces, or the next pass looks again.
    if (!claimed) return;
    await this.announce(ticket, site, now, changes);
    await recordAll(ticket._id, SYSTEM_ACTOR, now, lines);
    this.desk.notifier.changed(claimed, site, now);
  }

  /** The alerts for what `changes` crossed, to the ticket's leads and assignee. Only after the claim. */
  private async announce(
    ticket: TicketDoc,
    site: SiteDoc,
    now: Date,
    changes: readonly [Target, SlaState][],
  ): Promise<void> {
    const words = (target: Target) => (target === "response" ? "first-response" : "workaround");
    for (const [target, state] of changes) {
      // The alert follows the ticket's number and subject.
      const alert =
        state === "breached"
          ? `Breached the ${words(target)} target`
          : `At risk of breaching the ${words(target)} target`;
      await this.desk.notifier.alert(ticket, site, {
        ticketId: ticket._id.toHexString(),
        number: formatTicketNumber(ticket.number),
        subject: ticket.fields.subject,
        kind: state === "breached" ? "breached" : "at_risk",
        target,
        at: now.toISOString(),
        text: alert,
      });
    }
  }

  /** Nothing to announce: store the ticket's fresh timing (its next check), unless someone changed it meanwhile. */
  private async reschedule(
    ticket: TicketDoc,
    site: SiteDoc,
    now: Date,
    alerted: { response: string | null; workaround: string | null },
  ): Promise<void> {
    const derived = timingOnSite({ ...ticket, resolvedAt: ticket.resolvedAt ?? null }, site, now);
    const updated = await Ticket.findOneAndUpdate(
      { _id: ticket._id, status: ticket.status },
      { $set: { ...derived, slaAlerted: alerted } },
      { returnDocument: "after" },
    ).lean<TicketDoc>();
    if (updated) await ticketWritten(updated, site, now, ticket);
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
