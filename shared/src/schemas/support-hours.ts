import { z } from "zod";

// A site's support hours, as an admin edits them: a weekly template in the site's own time zone, closed
// dates (holidays) and one-off extra openings (arranged weekend support). The server turns it into real
// instants (server/src/support-hours/calendar.ts); the console uses the messages below as they are.

/** Monday first, as support rotas are written; the index is the ISO weekday minus one. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/**
 * Wall-clock time "HH:MM", 00:00–23:59. There is no "24:00": a range that ends at midnight ends at "00:00"
 * of the next day, so every boundary has one spelling and overlap checks compare like with like.
 */
export const TimeOfDay = z.string().regex(TIME_OF_DAY, "must be a time from 00:00 to 23:59 (HH:MM)");
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** Minutes after midnight of a valid {@link TimeOfDay}. */
export function minutesOfDay(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date on the site's local calendar, "YYYY-MM-DD"; 2026-02-30 is refused, not rolled over into March. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(
    (s) => {
      const [year, month, day] = s.split("-").map(Number) as [number, number, number];
      return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    },
    { error: (issue) => `${String(issue.input)} is not a date on the calendar` },
  );
export type CalendarDate = z.infer<typeof CalendarDate>;

function isKnownTimeZone(timeZone: string): boolean {
  try {
    Intl.DateTimeFormat(undefined, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time-zone name known to this runtime's Intl ("Europe/Berlin", "UTC"). Offset strings such as
 * "+01:00" are refused even where Intl takes them: a fixed offset silently ignores the site's DST.
 */
export const IanaTimeZone = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'must be a time-zone name such as "Europe/Berlin"')
  .refine(isKnownTimeZone, {
    error: (issue) => `${String(issue.input)} is not a known time zone; use a name such as "Europe/Berlin"`,
  });

// Shared by weekly ranges and extra openings: both are a wall-clock span that starts on one local day.
const spanFields = {
  start: TimeOfDay,
  end: TimeOfDay,
  /** The range ends at `end` on the following day (it crosses midnight). At most 24 hours: `end` <= `start`. */
  endsNextDay: z.boolean().default(false),
};
type Span = { start: string; end: string; endsNextDay: boolean };

/** Length in minutes as written, or null while a time is malformed (TimeOfDay reports that on its own). */
function spanMinutes({ start, end, endsNextDay }: Span): number | null {
  if (!TIME_OF_DAY.test(start) || !TIME_OF_DAY.test(end)) return null;
  return minutesOfDay(end) - minutesOfDay(start) + (endsNextDay ? MINUTES_PER_DAY : 0);
}

const isUsable = (length: number | null): length is number =>
  length !== null && length > 0 && length <= MINUTES_PER_DAY;

/** Why a span is not a usable range, in the words the admin UI shows; null if it is fine. */
function spanProblem(on: string, span: Span): string | null {
  const length = spanMinutes(span);
  if (length === null || isUsable(length)) return null;
  const { start, end } = span;
  if (span.endsNextDay) {
    return `Range on ${on} runs from ${start} to ${end} the next day, more than 24 hours; end it at ${start} or earlier`;
  }
  return length === 0
    ? `Range on ${on} starts and ends at ${start}; mark it as ending the next day to stay open 24 hours`
    : `Range on ${on} ends (${end}) before it starts (${start}); mark it as ending the next day if it crosses midnight`;
}

function refuseBadSpan(on: string, span: Span, ctx: z.RefinementCtx) {
  const problem = spanProblem(on, span);
  if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["end"] });
}

/** A weekly opening. It belongs to the day it starts on: a closed date cancels the ranges that start on it. */
export const WeeklyRange = z
  .strictObject({ day: Weekday, ...spanFields })
  .superRefine((r, ctx) => refuseBadSpan(r.day, r, ctx));
export type WeeklyRange = z.infer<typeof WeeklyRange>;

/** A holiday or other closed date in the site's time zone. It cancels weekly ranges, not extra openings. */
export const ClosedDate = z.strictObject({
  date: CalendarDate,
  note: z.string().trim().max(120, "note is longer than 120 characters").optional(),
});
export type ClosedDate = z.infer<typeof ClosedDate>;

/** An opening arranged for one date (weekend support); it applies even on a closed date, being explicit. */
export const ExtraOpening = z
  .strictObject({ date: CalendarDate, ...spanFields })
  .superRefine((r, ctx) => refuseBadSpan(r.date, r, ctx));
export type ExtraOpening = z.infer<typeof ExtraOpening>;

function label(r: WeeklyRange): string {
  return `${r.day} (${r.start}–${r.end}${r.endsNextDay ? " next day" : ""})`;
}

/**
 * Overlapping weekly ranges are refused rather than merged: two rows covering the same hours are almost
 * always a slip in the admin grid, and the week wraps (a Sunday-night range can overlap Monday morning).
 * Touching ranges (one ends when the next starts) are fine. Extra openings may overlap anything: they are
 * arranged on top of the week, and the server merges them.
 */
function refuseOverlappingWeeklyRanges(cal: { weekly: WeeklyRange[] }, ctx: z.RefinementCtx) {
  // Ranges refused on their own are left out: an overlap reported on top of that would only confuse.
  const arcs = cal.weekly.flatMap((range, index) => {
    const length = spanMinutes(range);
    if (!isUsable(length)) return [];
    const start = WEEKDAYS.indexOf(range.day) * MINUTES_PER_DAY + minutesOfDay(range.start);
    return [{ range, index, start, end: start + length }];
  });
  arcs.forEach((a, i) => {
    for (const b of arcs.slice(0, i)) {
      const overlaps = [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some(
        (shift) => a.start < b.end + shift && b.start + shift < a.end,
      );
      if (overlaps) {
        ctx.addIssue({
          code: "custom",
          message: `Ranges on ${label(b.range)} and ${label(a.range)} overlap; merge them into one range`,
          path: ["weekly", a.index],
        });
      }
    }
  });
}

export const SupportCalendar = z
  .strictObject({
    timeZone: IanaTimeZone,
    weekly: z.array(WeeklyRange).max(50, "at most 50 weekly ranges"),
    closedDates: z.array(ClosedDate).max(500, "at most 500 closed dates"),
    extraOpenings: z.array(ExtraOpening).max(200, "at most 200 extra openings"),
  })
  .superRefine(refuseOverlappingWeeklyRanges);
export type SupportCalendar = z.infer<typeof SupportCalendar>;

const policyDay = (day: Weekday): WeeklyRange => ({ day, start: "05:00", end: "02:00", endsNextDay: true });

/**
 * The vendor's published hours: "05:00 to 02:00 GMT Monday to Friday" (shared/spec/support-policy.txt).
 * Each weekday range runs into the small hours of the next day, so Friday's ends Saturday 02:00. The same
 * sentence calls it a "9 hour" service, which 05:00→02:00 (21 h) is not; 05:00–14:00 would be, "02:00" being
 * 2 pm. Encoded as written until the vendor says otherwise.
 *
 * "UTC", not "Europe/London": the policy names GMT and never BST, so the offset is zero all year; UTC and
 * GMT differ by under a second, and "UTC" is the name Intl reports for "Etc/GMT" anyway.
 */
export const POLICY_CALENDAR: SupportCalendar = {
  timeZone: "UTC",
  weekly: (["mon", "tue", "wed", "thu", "fri"] as const).map(policyDay),
  closedDates: [],
  extraOpenings: [],
};
