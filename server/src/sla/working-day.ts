import { minutesOfDay, type SlaDuration, type SupportCalendar, WEEKDAYS } from "@parley/shared";

const HOUR_MS = 3_600_000;
const DAY_MINUTES = 24 * 60;

/**
 * How long a "working day" is on a calendar: the average opening, in wall-clock time, of the weekdays on
 * which the weekly template opens at all. The policy's hours (05:00 → 02:00 next day, Monday to Friday)
 * make it 21 hours, so "3 working days" is 63 working hours. A calendar with no weekly opening (only
 * one-off extra openings) counts a working day as 24 hours of open time.
 *
 * Why not "the same time N open days later": ranges that cross midnight and days with several ranges make
 * that ambiguous, and counting working days as working hours keeps one rule for both units, so the policy's
 * table stays in order (low's 2 working days, 42 h, is longer than medium's 24 working hours, as intended).
 */
export function workingDayMs(cal: SupportCalendar): number {
  const perDay = WEEKDAYS.map((day) =>
    cal.weekly
      .filter((r) => r.day === day)
      .reduce((sum, r) => sum + minutesOfDay(r.end) - minutesOfDay(r.start) + (r.endsNextDay ? DAY_MINUTES : 0), 0),
  ).filter((minutes) => minutes > 0);
  if (perDay.length === 0) return 24 * HOUR_MS;
  return Math.round((perDay.reduce((a, b) => a + b, 0) / perDay.length) * 60_000);
}

/** A plan's target in working milliseconds on this calendar. */
export function targetMs(duration: SlaDuration, cal: SupportCalendar): number {
  const unit = duration.unit === "workingHours" ? HOUR_MS : workingDayMs(cal);
  return Math.round(duration.amount * unit);
}
