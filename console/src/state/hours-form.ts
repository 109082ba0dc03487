import type {
  AssignmentMode,
  SiteSettingsDto,
  SiteUpdateInput,
  SupportCalendar,
  Weekday,
  WeeklyRange,
} from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import type { IssueLayout } from "./issues.ts";
import { newRowKey } from "./rows.ts";
import { wholeNumber } from "./whole-number.ts";

// The "Support hours and routing" form: what the inputs hold (strings, rows with keys) and how it maps to
// and from the wire's SupportCalendar. Checking the calendar is left to the server, whose messages are
// written for display (shared/src/schemas/support-hours.ts); only what JSON cannot carry is checked here.

export interface WeeklyRow {
  readonly key: string;
  readonly day: Weekday;
  readonly start: string;
  readonly end: string;
  readonly endsNextDay: boolean;
}

export interface ClosedDateRow {
  readonly key: string;
  readonly date: string;
  readonly note: string;
}

export interface ExtraOpeningRow {
  readonly key: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly endsNextDay: boolean;
}

export interface HoursForm {
  readonly assignmentMode: AssignmentMode;
  readonly offerTimeout: string;
  readonly timeZone: string;
  readonly weekly: readonly WeeklyRow[];
  readonly closedDates: readonly ClosedDateRow[];
  readonly extraOpenings: readonly ExtraOpeningRow[];
}

type RoutingSettings = Pick<SiteSettingsDto, "assignmentMode" | "offerTimeoutSeconds" | "supportHours">;

export function hoursFormOf(site: RoutingSettings): HoursForm {
  return withCalendar(
    {
      assignmentMode: site.assignmentMode,
      offerTimeout: String(site.offerTimeoutSeconds),
      timeZone: "",
      weekly: [],
      closedDates: [],
      extraOpenings: [],
    },
    site.supportHours,
  );
}

/** Replaces the hours (not the routing settings), e.g. with the policy calendar. */
export function withCalendar(form: HoursForm, calendar: SupportCalendar): HoursForm {
  return {
    ...form,
    timeZone: calendar.timeZone,
    weekly: calendar.weekly.map((r) => ({ key: newRowKey(), ...r })),
    closedDates: calendar.closedDates.map((d) => ({ key: newRowKey(), date: d.date, note: d.note ?? "" })),
    extraOpenings: calendar.extraOpenings.map((o) => ({ key: newRowKey(), ...o })),
  };
}

export function calendarOf(form: HoursForm): SupportCalendar {
  return {
    timeZone: form.timeZone.trim(),
    weekly: form.weekly.map(({ day, start, end, endsNextDay }) => ({ day, start, end, endsNextDay })),
    closedDates: form.closedDates.map(({ date, note }) => (note.trim() ? { date, note: note.trim() } : { date })),
    extraOpenings: form.extraOpenings.map(({ date, start, end, endsNextDay }) => ({ date, start, end, endsNextDay })),
  };
}

export type SiteUpdateResult = { ok: true; input: SiteUpdateInput } | { ok: false; error: ErrorBody };

export function siteUpdateOf(form: HoursForm): SiteUpdateResult {
  const offerTimeoutSeconds = wholeNumber(form.offerTimeout);
  if (offerTimeoutSeconds === null) {
    const message = "offer timeout must be a whole number of seconds";
    return { ok: false, error: { code: "BAD_REQUEST", message, issues: [{ path: "offerTimeoutSeconds", message }] } };
  }
  return {
    ok: true,
    input: { assignmentMode: form.assignmentMode, offerTimeoutSeconds, supportHours: calendarOf(form) },
  };
}

const NEXT_DAY: Record<Weekday, Weekday> = {
  mon: "tue",
  tue: "wed",
  wed: "thu",
  thu: "fri",
  fri: "sat",
  sat: "sun",
  sun: "mon",
};

/** A new weekly row: the day after the last row, with its hours, as rotas are usually typed day by day. */
export function nextWeeklyRow(rows: readonly WeeklyRow[]): WeeklyRow {
  const last = rows.at(-1);
  if (!last) return { key: newRowKey(), day: "mon", start: "09:00", end: "17:00", endsNextDay: false };
  return { ...last, key: newRowKey(), day: NEXT_DAY[last.day] };
}

export function newClosedDateRow(): ClosedDateRow {
  return { key: newRowKey(), date: "", note: "" };
}

export function newExtraOpeningRow(): ExtraOpeningRow {
  return { key: newRowKey(), date: "", start: "09:00", end: "17:00", endsNextDay: false };
}

/** Where the server's issue paths ("supportHours.weekly.2.end") land on this form. */
export function hoursIssueLayout(form: HoursForm): IssueLayout {
  return {
    strip: "supportHours",
    lists: {
      weekly: form.weekly.map((r) => r.key),
      closedDates: form.closedDates.map((r) => r.key),
      extraOpenings: form.extraOpenings.map((r) => r.key),
    },
    labels: HOURS_LABELS,
  };
}

const HOURS_LABELS: Record<keyof WeeklyRange | keyof HoursForm | "offerTimeoutSeconds" | "date" | "note", string> = {
  assignmentMode: "Assignment mode",
  offerTimeout: "Offer timeout",
  offerTimeoutSeconds: "Offer timeout",
  timeZone: "Time zone",
  weekly: "Weekly range",
  closedDates: "Closed date",
  extraOpenings: "Extra opening",
  day: "Day",
  start: "Opens",
  end: "Closes",
  endsNextDay: "Ends next day",
  date: "Date",
  note: "Note",
};
