/**
 * When support is open, as real instants, from a site's {@link SupportCalendar}. Pure: no I/O and no clock
 * reads; every instant comes in as a parameter. Instants are `Date`s; intervals are half-open [start, end).
 *
 * How the calendar reads:
 * - A range (weekly or extra) belongs to the local day it **starts** on, in the calendar's time zone, and
 *   may end on the next day (`endsNextDay`).
 * - A closed date cancels the weekly ranges that start on it, whole, and nothing else: a Sunday-night range
 *   that runs into a Monday holiday still runs to its end, and a Monday 05:00 → Tuesday 02:00 range is gone.
 * - Extra openings apply on their date even when it is a closed date: someone arranged them on purpose.
 * - Wall times become instants in the calendar's zone. A time skipped by a spring-forward gap means the
 *   first instant after the gap; a time repeated by a fall-back means its earlier occurrence. So a range on
 *   a DST night is an hour shorter or longer in real time, and that is its working time.
 * - Ranges that overlap or touch (Friday's overnight range and a Saturday 01:00 extra opening) are merged,
 *   never counted twice.
 *
 * The work is per local day (one Intl probe pair a day, not per minute), so a due date a few working days
 * out costs a handful of Intl calls: enough for an SLA engine computing thousands of them.
 */
import { minutesOfDay, type SupportCalendar, WEEKDAYS } from "@parley/shared";
import { DAY_MS, instantsOfWallTimes, localDayAt, MINUTE_MS } from "./zoned-time.ts";

/** A half-open span of time: it includes `start` and excludes `end`. */
export interface Interval {
  start: Date;
  end: Date;
}

/** How far ahead searches look when not told: a year, leap day included. */
export const DEFAULT_HORIZON_DAYS = 366;

/** A range as wall-clock minutes from midnight of the day it starts on; `end` exceeds 1440 when it ends the next day. */
type DayRange = { start: number; end: number };

/** The calendar indexed for day-by-day lookups; dates stay strings, so indexing a long holiday list is cheap. */
interface Rules {
  timeZone: string;
  weekly: DayRange[][];
  closed: Set<string>;
  extra: Map<string, DayRange[]>;
  /** Spans already worked out, by local day: SLA readings walk the same days over and over. */
  days: Map<number, readonly Span[]>;
}

/**
 * Indexed calendars by the calendar object: a site's calendar comes from the site cache, one object until the site
 * changes, so a report reading thousands of tickets' SLAs on it works each day's spans out once.
 */
const indexed = new WeakMap<SupportCalendar, Rules>();
const MAX_DAYS_KEPT = 20_000;

type Span = [start: number, end: number];

function dayRange(r: { start: string; end: string; endsNextDay: boolean }): DayRange {
  return { start: minutesOfDay(r.start), end: minutesOfDay(r.end) + (r.endsNextDay ? 24 * 60 : 0) };
}

function rulesOf(cal: SupportCalendar): Rules {
  let rules = indexed.get(cal);
  if (!rules) {
    rules = indexRules(cal);
    indexed.set(cal, rules);
  }
  return rules;
}

function indexRules(cal: SupportCalendar): Rules {
  const weekly = WEEKDAYS.map((day) => cal.weekly.filter((r) => r.day === day).map(dayRange));
  const extra = new Map<string, DayRange[]>();
  for (const opening of cal.extraOpenings) {
    extra.set(opening.date, [...(extra.get(opening.date) ?? []), dayRange(opening)]);
  }
  return {
    timeZone: cal.timeZone,
    weekly,
    closed: new Set(cal.closedDates.map((c) => c.date)),
    extra,
    days: new Map(),
  };
}

/** "YYYY-MM-DD" of a local day number. */
const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Monday-first index into WEEKDAYS; day 0 (1970-01-01) was a Thursday. */
const weekdayIndex = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** The real-time spans of the ranges that start on local `day`, sorted by start; empty ones dropped. */
function spansOfDay(rules: Rules, day: number): readonly Span[] {
  let spans = rules.days.get(day);
  if (!spans) {
    spans = workOutSpans(rules, day);
    if (rules.days.size >= MAX_DAYS_KEPT) rules.days.clear();
    rules.days.set(day, spans);
  }
  return spans;
}

function workOutSpans(rules: Rules, day: number): Span[] {
  const date = dateOfDay(day);
  const weekly = rules.closed.has(date) ? [] : (rules.weekly[weekdayIndex(day)] ?? []);
  const ranges = [...weekly, ...(rules.extra.get(date) ?? [])];
  const midnight = day * DAY_MS;
  const walls = ranges.flatMap((r) => [midnight + r.start * MINUTE_MS, midnight + r.end * MINUTE_MS]);
  const instants = instantsOfWallTimes(rules.timeZone, walls);
  const spans: Span[] = [];
  for (let i = 0; i < instants.length; i += 2) {
    const [start, end] = [instants[i]!, instants[i + 1]!];
    // A range lying wholly inside a spring-forward gap is no time at all.
    if (start < end) spans.push([start, end]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Merged open spans that end after `from`, in order, the first one's start clipped to `from`, built from
 * the ranges of local days up to `lastDay`. A span still running when `lastDay`'s ranges end is cut there.
 */
function* openSpans(rules: Rules, from: number, lastDay: number): Generator<Span> {
  let pending: Span | null = null;
  // The day before `from` holds the ranges that may still be running at `from`.
  for (let day = localDayAt(rules.timeZone, from) - 1; day <= lastDay; day++) {
    // Wall → instant never goes backwards, so every span of `day` starts no earlier than those of `day - 1`:
    // once a span starts after `pending` ends, nothing later can join it.
    for (const [start, end] of spansOfDay(rules, day)) {
      if (end <= from) continue;
      if (pending && start <= pending[1]) {
        pending[1] = Math.max(pending[1], end);
        continue;
      }
      if (pending) yield pending;
      pending = [Math.max(start, from), end];
    }
  }
  if (pending) yield pending;
}

/**
 * The open time after `from` as disjoint pieces in order, without merging touching ones: what sums and
 * walks need. Unlike {@link openSpans} it yields as soon as a day is read, so counting 8 hours on a
 * calendar open around the clock reads one day, not every day up to the horizon (merging would have to
 * read them all to find where the one endless opening ends).
 */
function* openPieces(rules: Rules, from: number, lastDay: number): Generator<Span> {
  let covered = from;
  for (let day = localDayAt(rules.timeZone, from) - 1; day <= lastDay; day++) {
    // Spans arrive in order of their start (see openSpans), so clipping each to what is already covered
    // leaves pieces that neither overlap nor repeat time.
    for (const [start, end] of spansOfDay(rules, day)) {
      const piece: Span = [Math.max(start, covered), end];
      if (piece[1] <= piece[0]) continue;
      covered = end;
      yield piece;
    }
  }
}

/** The last local day whose ranges can start before `instant`; +1 covers a fall-back across midnight. */
const lastDayBefore = (rules: Rules, instant: number): number => localDayAt(rules.timeZone, instant) + 1;

function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

function horizonMs(days: number): number {
  if (!(Number.isFinite(days) && days >= 0)) throw new RangeError(`horizonDays must be a number >= 0, got ${days}`);
  return days * DAY_MS;
}

const toInterval = ([start, end]: Span): Interval => ({ start: new Date(start), end: new Date(end) });

/** The open intervals within [from, to): merged, sorted, and clipped to [from, to). Empty if `to <= from`. */
export function openIntervals(cal: SupportCalendar, from: Date, to: Date): Interval[] {
  const [a, b] = [instantOf(from, "from"), instantOf(to, "to")];
  const rules = rulesOf(cal);
  const intervals: Interval[] = [];
  if (b <= a) return intervals;
  for (const [start, end] of openSpans(rules, a, lastDayBefore(rules, b))) {
    if (start >= b) break;
    intervals.push(toInterval([start, Math.min(end, b)]));
  }
  return intervals;
}

/** Whether support is open at the instant `at` (an interval's start is open, its end is not). */
export function isOpen(cal: SupportCalendar, at: Date): boolean {
  const t = instantOf(at, "at");
  const rules = rulesOf(cal);
  const first = openSpans(rules, t, lastDayBefore(rules, t)).next();
  return !first.done && first.value[0] === t;
}

/**
 * The opening that contains `from` (its start clipped to `from`), else the next one; null if none starts
 * within `horizonDays` after `from`. The end is the true end of the merged opening, unless it is still
 * running a day past the horizon (a calendar open around the clock), where it is cut.
 */
export function currentOrNextOpening(
  cal: SupportCalendar,
  from: Date,
  horizonDays = DEFAULT_HORIZON_DAYS,
): Interval | null {
  const t = instantOf(from, "from");
  const limit = t + horizonMs(horizonDays);
  const rules = rulesOf(cal);
  const first = openSpans(rules, t, lastDayBefore(rules, limit)).next();
  return first.done || first.value[0] > limit ? null : toInterval(first.value);
}

/** When support next opens: `from` itself (a new Date equal to it) if open then; null beyond the horizon. */
export function nextOpeningTime(cal: SupportCalendar, from: Date, horizonDays = DEFAULT_HORIZON_DAYS): Date | null {
  return currentOrNextOpening(cal, from, horizonDays)?.start ?? null;
}

/** Open time within [a, b) in milliseconds; 0 if `b <= a`. */
export function workingMsBetween(cal: SupportCalendar, a: Date, b: Date): number {
  const [from, to] = [instantOf(a, "a"), instantOf(b, "b")];
  if (to <= from) return 0;
  const rules = rulesOf(cal);
  let total = 0;
  for (const [start, end] of openPieces(rules, from, lastDayBefore(rules, to))) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
  }
  return total;
}

/**
 * The instant at which `ms` of open time has elapsed, counting from `start`, or from the next opening if
 * support is closed at `start`. It is the earliest such instant, so it may be the very end of an opening
 * (Friday 20:00 + 6 h on the policy calendar is Saturday 02:00, not Monday 05:00), and `ms = 0` gives
 * {@link nextOpeningTime}. Always `workingMsBetween(cal, start, result) === ms`. Null if the result would be
 * more than `horizonDays` after `start`.
 *
 * @param ms a whole number of milliseconds, >= 0
 */
export function addWorkingTime(
  cal: SupportCalendar,
  start: Date,
  ms: number,
  horizonDays = DEFAULT_HORIZON_DAYS,
): Date | null {
  if (!(Number.isSafeInteger(ms) && ms >= 0)) throw new RangeError(`ms must be a whole number >= 0, got ${ms}`);
  const t = instantOf(start, "start");
  const limit = t + horizonMs(horizonDays);
  const rules = rulesOf(cal);
  let remaining = ms;
  for (const [from, to] of openPieces(rules, t, lastDayBefore(rules, limit))) {
    if (from > limit) break;
    if (remaining <= to - from) return from + remaining <= limit ? new Date(from + remaining) : null;
    remaining -= to - from;
  }
  return null;
}
