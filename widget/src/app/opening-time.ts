import type { Catalogue } from "./i18n/en.ts";
import { dateFormat } from "./i18n/language.ts";

/**
 * When support opens (or a ticket target is due), for "Support opens …": in the visitor's language, naming the
 * time zone ("tomorrow at 9:00 AM GMT+1"), with "today"/"tomorrow" (Intl.RelativeTimeFormat's words) when that
 * is what the calendar in `timeZone` says. `timeZone` defaults to the browser's; tests pass it.
 */
export function formatOpening(iso: string, now: Date, t: Catalogue, timeZone?: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const time = dateFormat(t.lang, { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(at);
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  if (days === 0 || days === 1) {
    const day = new Intl.RelativeTimeFormat(t.lang, { numeric: "auto" }).format(days, "day");
    return t.dayAt(day, time);
  }
  const date = dateFormat(t.lang, {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    // Within the next few months the weekday and day say enough.
    year: days > 150 ? "numeric" : undefined,
  }).format(at);
  return t.dayAt(date, time);
}

/** A message's or reply's time (and `date` parts), in the visitor's language and zone, naming the zone. */
export function formatTime(iso: string, t: Catalogue, date: Intl.DateTimeFormatOptions = {}): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ""
    : dateFormat(t.lang, { ...date, hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(at);
}

/** Days since the epoch of the calendar date `date` falls on in `timeZone`. */
function dayNumber(date: Date, timeZone: string | undefined): number {
  const parts = dateFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part("year"), part("month") - 1, part("day")) / 86_400_000);
}
