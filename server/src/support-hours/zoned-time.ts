// Wall clock ↔ instant in an IANA time zone, with Intl alone. Luxon (and Temporal's "compatible" mode) put
// a wall time that falls in a spring-forward gap at the same distance past the gap (02:30 → 03:30); support
// hours want the clock's first reading at or after it (03:00), so this rule would have to be written here
// on top of a date library anyway.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * A wall-clock reading as a number: milliseconds since 1970-01-01T00:00 of the *local* calendar, counted
 * as if the zone were UTC. `Math.floor(wall / DAY_MS)` is the local day number. Walls add and compare like
 * instants, but they are not instants: convert with {@link instantsOfWallTimes}.
 */
export type WallTime = number;

/** Day number (days since 1970-01-01) of a civil date; `month` is 1–12. */
function dayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / DAY_MS;
}

// Building a DateTimeFormat costs much more than using one, and a server serves few zones.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  return format;
}

const HOUR_MS = 3_600_000;
/** Offsets by zone, then by UTC hour; an hour is kept only when its offset is the same from start to end. */
const offsets = new Map<string, Map<number, number>>();
const MAX_HOURS_KEPT = 200_000;

/**
 * What the zone's clock reads at `instant` (milliseconds carried over, since Intl stops at seconds).
 *
 * Asking Intl costs microseconds, and SLA arithmetic asks thousands of times per ticket list or figures
 * (profiled: it was most of a report's time). So the zone's offset is remembered per UTC hour, for hours whose first
 * and last millisecond have the same offset: no zone changes its offset twice within an hour, so such an hour
 * has one offset throughout. An hour with a change in it is always asked of Intl.
 */
export function wallTimeAt(timeZone: string, instant: number): WallTime {
  const hour = Math.floor(instant / HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = exactWallTimeAt(timeZone, hour * HOUR_MS) - hour * HOUR_MS;
    const last = exactWallTimeAt(timeZone, (hour + 1) * HOUR_MS - 1) - ((hour + 1) * HOUR_MS - 1);
    if (first !== last) return exactWallTimeAt(timeZone, instant);
    if (zone.size >= MAX_HOURS_KEPT) zone.clear();
    zone.set(hour, first);
    offset = first;
  }
  return instant + offset;
}

function exactWallTimeAt(timeZone: string, instant: number): WallTime {
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) field[part.type] = Number(part.value);
  const seconds = (field.hour ?? 0) * 3600 + (field.minute ?? 0) * 60 + (field.second ?? 0);
  const millis = instant - Math.floor(instant / 1000) * 1000;
  return dayNumber(field.year ?? 0, field.month ?? 0, field.day ?? 0) * DAY_MS + seconds * 1000 + millis;
}

/** The local day number that `instant` falls on. */
export function localDayAt(timeZone: string, instant: number): number {
  return Math.floor(wallTimeAt(timeZone, instant) / DAY_MS);
}

const offsetAt = (timeZone: string, instant: number): number => wallTimeAt(timeZone, instant) - instant;

/**
 * The instant of each wall-clock reading: the first instant at which the zone's clock reads it or later.
 * So a reading skipped by a spring-forward gap maps to the end of the gap (the first instant after it), and
 * a reading repeated by a fall-back maps to its earlier occurrence. The mapping never goes backwards.
 *
 * Made for a batch of readings a day or two apart (one day's opening ranges): they share two offset
 * probes, a day before the first and a day after the last. That is exact as long as the zone changes its
 * offset at most once within the batch's span plus a day either side: no zone in tzdata changes twice
 * within five days anywhere from 1970 to 2040 (checked against Node 20's ICU data).
 */
export function instantsOfWallTimes(timeZone: string, walls: readonly WallTime[]): number[] {
  if (walls.length === 0) return [];
  // A day exceeds any UTC offset (±14 h), so these probes fall outside every instant being looked for.
  const before = offsetAt(timeZone, Math.min(...walls) - DAY_MS);
  const after = offsetAt(timeZone, Math.max(...walls) + DAY_MS);
  if (before === after) return walls.map((wall) => wall - before);
  return walls.map((wall) => instantAcrossChange(timeZone, wall, before, after));
}

function instantAcrossChange(timeZone: string, wall: WallTime, before: number, after: number): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of [before, after]) {
    const instant = wall - offset;
    if (instant < earliest && wallTimeAt(timeZone, instant) === wall) earliest = instant;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  // Skipped: the clock jumps from below `wall` to above it between these bounds; find the jump exactly.
  let below = wall - Math.max(before, after);
  let atOrAbove = wall - Math.min(before, after);
  while (atOrAbove - below > 1) {
    const mid = below + Math.floor((atOrAbove - below) / 2);
    if (wallTimeAt(timeZone, mid) >= wall) atOrAbove = mid;
    else below = mid;
  }
  return atOrAbove;
}
