/**
 * When support opens, for "Support opens …": in the visitor's own locale and time zone (the site's zone
 * means nothing to them), with "today"/"tomorrow" when that is what the visitor's calendar says.
 * `locale` and `timeZone` default to the browser's; tests pass them.
 */
export function formatOpening(iso: string, now: Date, locale?: string, timeZone?: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(at);
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    // Within the next few months the weekday and day say enough.
    year: days > 150 ? "numeric" : undefined,
  }).format(at);
  return `${date} at ${time}`;
}

/** Days since the epoch of the calendar date `date` falls on in `timeZone`. */
function dayNumber(date: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part("year"), part("month") - 1, part("day")) / 86_400_000);
}
