/**
 * The SLA engine: how much of a target's working time a ticket has used, when it falls due, and
 * whether it is at risk or breached. Pure, on top of the support calendar: every instant, "now" included,
 * comes in as a parameter, so tests never wait on real time and the server decides when to look again.
 *
 * A clock starts when the ticket is created; working time before the site's next opening does not count.
 * It pauses while the ticket waits on the customer, and stops when the target is met (first response
 * sent, workaround provided).
 */
import type { SupportCalendar } from "@parley/shared";
import { addWorkingTime, workingMsBetween } from "../support-hours/calendar.ts";

/** At this share of the target used, a ticket is at risk. */
export const AT_RISK_SHARE = 0.75;

export interface Pause {
  from: Date;
  /** Null while the ticket is still waiting on the customer. */
  to: Date | null;
}

export interface SlaClock {
  startedAt: Date;
  /** Working milliseconds allowed (see working-day.ts for turning a plan's target into this). */
  targetMs: number;
  /** Waiting-on-customer spans, oldest first, not overlapping. */
  pauses: readonly Pause[];
  /** When the target was met; null while it runs. */
  metAt: Date | null;
}

export type SlaState = "running" | "at_risk" | "breached" | "paused" | "met";

export interface SlaReading {
  state: SlaState;
  /** Working time counted so far (up to `metAt` once met). */
  usedMs: number;
  /** Working time left; negative once breached. */
  leftMs: number;
  /** When the target falls (or fell) due; null while paused, as it depends on when the customer answers. */
  dueAt: Date | null;
  /** When the ticket turns at risk; null if it already has, or while paused or met. */
  atRiskAt: Date | null;
  /** For a met target: whether it was met late. */
  metLate: boolean;
}

/** Working time used by `at`: working time since the start, less the working time spent paused. */
export function workingTimeUsed(cal: SupportCalendar, clock: SlaClock, at: Date): number {
  const end = Math.min(at.getTime(), clock.metAt?.getTime() ?? Number.POSITIVE_INFINITY);
  const start = clock.startedAt.getTime();
  if (end <= start) return 0;
  let paused = 0;
  for (const p of clock.pauses) {
    const from = Math.max(p.from.getTime(), start);
    const to = Math.min(p.to?.getTime() ?? end, end);
    if (to > from) paused += workingMsBetween(cal, new Date(from), new Date(to));
  }
  return workingMsBetween(cal, clock.startedAt, new Date(end)) - paused;
}

/**
 * The instant at which the clock will have used `usedMs` of working time, walking over the pauses; null if
 * that happens after a pause that has not ended yet (or beyond the calendar's one-year horizon).
 */
export function instantWhenUsed(cal: SupportCalendar, clock: SlaClock, usedMs: number): Date | null {
  let remaining = usedMs;
  let cursor = clock.startedAt;
  for (const p of clock.pauses) {
    if (p.from.getTime() <= cursor.getTime()) {
      if (p.to === null) return null;
      if (p.to.getTime() > cursor.getTime()) cursor = p.to;
      continue;
    }
    const before = workingMsBetween(cal, cursor, p.from);
    if (before >= remaining) return addWorkingTime(cal, cursor, remaining);
    remaining -= before;
    if (p.to === null) return null;
    cursor = p.to;
  }
  return addWorkingTime(cal, cursor, remaining);
}

export function readSla(cal: SupportCalendar, clock: SlaClock, now: Date): SlaReading {
  const usedMs = workingTimeUsed(cal, clock, now);
  const leftMs = clock.targetMs - usedMs;
  if (clock.metAt && clock.metAt.getTime() <= now.getTime()) {
    return { state: "met", usedMs, leftMs, dueAt: null, atRiskAt: null, metLate: leftMs < 0 };
  }
  const openPause = clock.pauses.some((p) => p.to === null && p.from.getTime() <= now.getTime());
  const atRiskMs = Math.ceil(clock.targetMs * AT_RISK_SHARE);
  const dueAt = openPause ? null : instantWhenUsed(cal, clock, clock.targetMs);
  const state: SlaState =
    usedMs >= clock.targetMs ? "breached" : openPause ? "paused" : usedMs >= atRiskMs ? "at_risk" : "running";
  const atRiskAt = state === "running" ? instantWhenUsed(cal, clock, atRiskMs) : null;
  return { state, usedMs, leftMs, dueAt, atRiskAt, metLate: false };
}

/**
 * What a clock's reading will be at any later instant, as long as nothing changes it (a reply meeting it, a pause,
 * new hours: each a write of the ticket): met, on time or late; or open, breached from `breachAt` on (already, if
 * `breachAt` is `at`), or never while it stays paused (null). Worked out once when the ticket is written, so the
 * figures decide thousands of targets without the calendar arithmetic.
 */
export type ClockFate = { kind: "met"; late: boolean } | { kind: "open"; breachAt: Date | null };

export function fateOf(cal: SupportCalendar, clock: SlaClock, at: Date): ClockFate {
  const reading = readSla(cal, clock, at);
  if (reading.state === "met") return { kind: "met", late: reading.metLate };
  if (reading.state === "breached") return { kind: "open", breachAt: at };
  return { kind: "open", breachAt: reading.dueAt };
}
