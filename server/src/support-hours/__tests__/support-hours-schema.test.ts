import { CalendarDate, ExtraOpening, POLICY_CALENDAR, SupportCalendar, TimeOfDay, WeeklyRange } from "@parley/shared";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

/** The messages a refused value gets, keyed by path: what the admin UI shows next to each field. */
function refusal(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const calendar = (more: Partial<SupportCalendar>) => ({
  timeZone: "UTC",
  weekly: [],
  closedDates: [],
  extraOpenings: [],
  ...more,
});

describe("support-hours schema", () => {
  it("should refuse a range that ends before it starts without crossing midnight, and say how to fix it", () => {
    expect(refusal(WeeklyRange, { day: "mon", start: "05:00", end: "02:00" })).toEqual({
      end: "Range on mon ends (02:00) before it starts (05:00); mark it as ending the next day if it crosses midnight",
    });
  });

  it("should accept a range that crosses midnight when marked as ending the next day", () => {
    expect(WeeklyRange.parse({ day: "mon", start: "05:00", end: "02:00", endsNextDay: true })).toEqual({
      day: "mon",
      start: "05:00",
      end: "02:00",
      endsNextDay: true,
    });
  });

  it("should default endsNextDay to false", () => {
    expect(WeeklyRange.parse({ day: "tue", start: "09:00", end: "17:00" }).endsNextDay).toBe(false);
  });

  it("should refuse a next-day range longer than 24 hours, and accept exactly 24 hours", () => {
    expect(refusal(WeeklyRange, { day: "fri", start: "05:00", end: "06:00", endsNextDay: true })).toEqual({
      end: "Range on fri runs from 05:00 to 06:00 the next day, more than 24 hours; end it at 05:00 or earlier",
    });
    expect(WeeklyRange.safeParse({ day: "fri", start: "05:00", end: "05:00", endsNextDay: true }).success).toBe(true);
  });

  it("should refuse an empty range", () => {
    expect(refusal(WeeklyRange, { day: "wed", start: "09:00", end: "09:00" })).toEqual({
      end: "Range on wed starts and ends at 09:00; mark it as ending the next day to stay open 24 hours",
    });
  });

  it("should name the date of a bad extra opening", () => {
    expect(refusal(ExtraOpening, { date: "2026-06-06", start: "14:00", end: "10:00" })).toEqual({
      end: "Range on 2026-06-06 ends (10:00) before it starts (14:00); mark it as ending the next day if it crosses midnight",
    });
  });

  it("should take times as HH:MM from 00:00 to 23:59 only, with no 24:00", () => {
    for (const good of ["00:00", "09:30", "23:59"]) expect(TimeOfDay.safeParse(good).success).toBe(true);
    for (const bad of ["24:00", "9:00", "12:60", "12:00:00", " 12:00"])
      expect(TimeOfDay.safeParse(bad).success).toBe(false);
  });

  it("should refuse only the malformed time, not also the range around it", () => {
    expect(refusal(WeeklyRange, { day: "mon", start: "25:00", end: "02:00" })).toEqual({
      start: "must be a time from 00:00 to 23:59 (HH:MM)",
    });
  });

  it("should refuse dates that are not on the calendar", () => {
    expect(refusal(CalendarDate, "2026-02-30")).toEqual({ "": "2026-02-30 is not a date on the calendar" });
    expect(CalendarDate.safeParse("2026-02-29").success).toBe(false);
    expect(CalendarDate.safeParse("2100-02-29").success).toBe(false);
    expect(CalendarDate.safeParse("2026-13-01").success).toBe(false);
    expect(CalendarDate.safeParse("2026-6-1").success).toBe(false);
    expect(CalendarDate.safeParse("2028-02-29").success).toBe(true);
    expect(CalendarDate.safeParse("2000-02-29").success).toBe(true);
  });

  it("should refuse a time zone Intl does not know, and fixed offsets", () => {
    expect(refusal(SupportCalendar, calendar({ timeZone: "Mars/Olympus_Mons" }))).toEqual({
      timeZone: 'Mars/Olympus_Mons is not a known time zone; use a name such as "Europe/Berlin"',
    });
    expect(SupportCalendar.safeParse(calendar({ timeZone: "+01:00" })).success).toBe(false);
    for (const zone of ["Europe/Berlin", "America/New_York", "UTC", "Etc/GMT"]) {
      expect(SupportCalendar.safeParse(calendar({ timeZone: zone })).success).toBe(true);
    }
  });

  it("should refuse overlapping weekly ranges, across midnight and across the end of the week too", () => {
    const overlap = (weekly: unknown[]) => refusal(SupportCalendar, calendar({ weekly } as Partial<SupportCalendar>));
    expect(
      overlap([
        { day: "mon", start: "09:00", end: "17:00" },
        { day: "mon", start: "12:00", end: "18:00" },
      ]),
    ).toEqual({ "weekly.1": "Ranges on mon (09:00–17:00) and mon (12:00–18:00) overlap; merge them into one range" });
    expect(
      overlap([
        { day: "mon", start: "22:00", end: "02:00", endsNextDay: true },
        { day: "tue", start: "01:00", end: "05:00" },
      ]),
    ).toEqual({
      "weekly.1": "Ranges on mon (22:00–02:00 next day) and tue (01:00–05:00) overlap; merge them into one range",
    });
    expect(
      overlap([
        { day: "mon", start: "01:00", end: "05:00" },
        { day: "sun", start: "22:00", end: "02:00", endsNextDay: true },
      ]),
    ).toEqual({
      "weekly.1": "Ranges on mon (01:00–05:00) and sun (22:00–02:00 next day) overlap; merge them into one range",
    });
  });

  it("should accept touching weekly ranges, and extra openings that overlap them", () => {
    const result = SupportCalendar.safeParse(
      calendar({
        weekly: [
          { day: "mon", start: "05:00", end: "02:00", endsNextDay: true },
          { day: "tue", start: "02:00", end: "05:00", endsNextDay: false },
        ],
        extraOpenings: [{ date: "2026-06-02", start: "01:00", end: "03:00", endsNextDay: false }],
      }),
    );
    expect(result.success).toBe(true);
  });

  it("should refuse unknown fields, long notes and too many ranges", () => {
    expect(SupportCalendar.safeParse({ ...calendar({}), holidays: [] }).success).toBe(false);
    expect(
      SupportCalendar.safeParse(calendar({ closedDates: [{ date: "2026-12-25", note: "x".repeat(120) }] })).success,
    ).toBe(true);
    expect(
      refusal(SupportCalendar, calendar({ closedDates: [{ date: "2026-12-25", note: "x".repeat(121) }] })),
    ).toEqual({
      "closedDates.0.note": "note is longer than 120 characters",
    });
    const everyDay = (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).flatMap((day) =>
      Array.from({ length: 8 }, (_, h) => ({ day, start: `0${h}:00`, end: `0${h}:30`, endsNextDay: false })),
    );
    expect(SupportCalendar.safeParse(calendar({ weekly: everyDay.slice(0, 50) })).success).toBe(true);
    expect(refusal(SupportCalendar, calendar({ weekly: everyDay.slice(0, 51) }))).toEqual({
      weekly: "at most 50 weekly ranges",
    });
  });

  it("should encode the published policy as written: Mon–Fri 05:00 to 02:00 the next day, GMT (UTC)", () => {
    expect(SupportCalendar.parse(POLICY_CALENDAR)).toEqual(POLICY_CALENDAR);
    expect(POLICY_CALENDAR).toEqual({
      timeZone: "UTC",
      weekly: ["mon", "tue", "wed", "thu", "fri"].map((day) => ({
        day,
        start: "05:00",
        end: "02:00",
        endsNextDay: true,
      })),
      closedDates: [],
      extraOpenings: [],
    });
  });
});
