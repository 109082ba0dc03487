import type { Logger } from "../logging/logger.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { deriveTiming } from "../tickets/ticket-derived.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { escalateOnBreach } from "../tickets/ticket-escalation.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { ticketSettingsOf } from "../tickets/ticket-settings.ts";
import { changeStatus } from "../tickets/ticket-status.ts";
import { record, SYSTEM_ACTOR } from "../tickets/ticket-timeline.ts";
import type { SlaState } from "./sla-clock.ts";

const BATCH = 200;
const ESCALATABLE = new Set(["new", "open", "workaround_provided"]);
type Target = "response" | "workaround";

/**
 * Looks at tickets when something is due: a target turning at risk (75%) or breached (100%), or a resolved
 * ticket's auto-close. Every ticket stores when that next happens (`nextCheckAt`), so a pass is one indexed
 * query. A breach escalates the ticket automatically and alerts the site's leads. Runs on a timer and
 * after a restart catches up on everything that fell due while the server was down.
 */
export class SlaWatch {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly desk: TicketDesk,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err) => this.logger.error({ err }, "SLA watch failed")),
      this.intervalMs,
    );
    this.timer.unref();
    void this.sweep().catch((err) => this.logger.error({ err }, "SLA watch failed"));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
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
    const now = this.desk.clock();
    const due = await Ticket.find({ nextCheckAt: { $lte: now } })
      .sort({ nextCheckAt: 1 })
      .limit(BATCH)
      .lean<TicketDoc[]>();
    const sites = new Map<string, Promise<SiteDoc>>();
    for (const ticket of due) {
      const key = ticket.site.toHexString();
      if (!sites.has(key)) sites.set(key, siteOf(ticket.site));
      try {
        await this.check(ticket, await (sites.get(key) as Promise<SiteDoc>), now);
      } catch (err) {
        this.logger.warn({ err, ticket: ticket._id.toHexString() }, "SLA check failed; retried on the next pass");
      }
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
    const derived = deriveTiming(
      { ...ticket, resolvedAt: ticket.resolvedAt ?? null },
      site.supportHours,
      ticketSettingsOf(site).autoCloseWorkingDays,
      now,
    );
    const before = ticket.slaState ?? { response: "running", workaround: null };
    const crossed = (target: Target, after: SlaState | null): [Target, SlaState] | null =>
      after && (after === "at_risk" || after === "breached") && after !== before[target] ? [target, after] : null;
    const changes = [
      crossed("response", derived.slaState.response),
      crossed("workaround", derived.slaState.workaround),
    ].filter((c): c is [Target, SlaState] => c !== null);
    const updated = await Ticket.findOneAndUpdate(
      {
        _id: ticket._id,
        status: ticket.status,
        "slaState.response": before.response,
        "slaState.workaround": before.workaround ?? null,
      },
      { $set: { ...derived } },
      { returnDocument: "after" },
    ).lean<TicketDoc>();
    // Someone changed the ticket meanwhile; their write set a fresh check time, and the next pass sees it.
    if (!updated || changes.length === 0) return;

    const number = formatTicketNumber(ticket.number);
    for (const [target, state] of changes) {
      const words = target === "response" ? "first-response" : "workaround";
      // The timeline reads "Parley marked …"; the alert follows the ticket's number and subject.
      const [timeline, alert] =
        state === "breached"
          ? [`marked the ${words} target breached`, `Breached the ${words} target`]
          : [`marked the ticket at risk of breaching the ${words} target`, `At risk of breaching the ${words} target`];
      await record(ticket._id, SYSTEM_ACTOR, now, "sla", timeline);
      await this.desk.notifier.alert(updated, site, {
        ticketId: ticket._id.toHexString(),
        number,
        subject: ticket.fields.subject,
        kind: state === "breached" ? "breached" : "at_risk",
        target,
        at: now.toISOString(),
        text: alert,
      });
    }
    this.desk.notifier.changed(updated, site, now);
    const breach = changes.find(([, state]) => state === "breached");
    if (breach && ESCALATABLE.has(updated.status)) await escalateOnBreach(this.desk, updated, site, breach[0]);
  }
}
