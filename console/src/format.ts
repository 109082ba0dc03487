const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "less than a minute", "4 min", "2 h 5 min", "3 days": for "waiting …" and "… ago". */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return "less than a minute";
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes ? `${Math.floor(ms / HOUR)} h ${minutes} min` : `${Math.floor(ms / HOUR)} h`;
  }
  const days = Math.floor(ms / DAY);
  return days === 1 ? "1 day" : `${days} days`;
}

export function since(iso: string, now: number): string {
  return formatDuration(Math.max(0, now - Date.parse(iso)));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/**
 * The URL if it is safe to make clickable (http or https only), else null. Visitor-supplied
 * URLs can say anything, including javascript:.
 */
export function safeHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const calendarDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day: a calendar date ("2026-03-01", as admins type it) is shown as that same day wherever the browser
 * is; a full ISO time is shown as the local date.
 */
export function formatDate(isoOrDate: string): string {
  if (CALENDAR_DATE.test(isoOrDate)) return calendarDateFormat.format(new Date(`${isoOrDate}T00:00:00Z`));
  return dateFormat.format(new Date(isoOrDate));
}

/** "512 bytes", "1.5 KB", "2.3 MB": for attachment sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? "1 byte" : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
