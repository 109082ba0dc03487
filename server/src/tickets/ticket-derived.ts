import type { SupportCalendar, TicketStatus } from "@parley/shared";
import { readSla, type SlaClock, type SlaState } from "../sla/sla-clock.ts";
import { workingDayMs } from "../sla/working-day.ts";
import { addWorkingTime } from "../support-hours/calendar.ts";

/** A clock as stored on a ticket (mongoose's array types included). */
export interface StoredClock {
  startedAt: Date;
  targetMs: number;
  pauses: { from: Date; to?: Date | null }[];
  metAt?: Date | null;
}

export function clockOf(stored: StoredClock): SlaClock {
  return {
    startedAt: stored.startedAt,
    targetMs: stored.targetMs,
    pauses: stored.pauses.map((p) => ({ from: p.from, to: p.to ?? null })),
    metAt: stored.metAt ?? null,
  };
}

export interface TicketTiming {
  status: TicketStatus;
  responseClock: StoredClock;
  workaroundClock?: StoredClock | null;
  resolvedAt?: Date | null;
}

export interface Derived {
  slaState: { response: SlaState; workaround: SlaState | null };
  /** When the SLA watch must look again: a target turning at risk or falling due, or the auto-close. */
  nextCheckAt: Date | null;
  /** The soonest due time among unmet, running targets (the list's default order). */
  nextDueAt: Date | null;
  autoCloseAt: Date | null;
}

const earliest = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/**
 * What follows from a ticket's clocks and status at `now`: stored beside them on every write, so the
 * watch can find the tickets due for a look with one indexed query, and the list can sort by due time.
 * A closed ticket's clocks no longer matter.
 */
export function deriveTiming(t: TicketTiming, cal: SupportCalendar, autoCloseWorkingDays: number, now: Date): Derived {
  const response = readSla(cal, clockOf(t.responseClock), now);
  const workaround = t.workaroundClock ? readSla(cal, clockOf(t.workaroundClock), now) : null;
  const autoCloseAt =
    t.status === "resolved" && t.resolvedAt
      ? addWorkingTime(cal, t.resolvedAt, autoCloseWorkingDays * workingDayMs(cal))
      : null;
  if (t.status === "closed") {
    return {
      slaState: { response: response.state, workaround: workaround?.state ?? null },
      nextCheckAt: null,
      nextDueAt: null,
      autoCloseAt: null,
    };
  }
  const watchPoint = (r: typeof response | null): Date | null =>
    r?.state === "running" ? r.atRiskAt : r?.state === "at_risk" ? r.dueAt : null;
  const due = (r: typeof response | null): Date | null =>
    r && (r.state === "running" || r.state === "at_risk" || r.state === "breached") ? r.dueAt : null;
  return {
    slaState: { response: response.state, workaround: workaround?.state ?? null },
    nextCheckAt: earliest([watchPoint(response), watchPoint(workaround), autoCloseAt]),
    nextDueAt: earliest([due(response), due(workaround)]),
    autoCloseAt,
  };
}
