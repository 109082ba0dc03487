import { POLICY_CALENDAR, type SupportCalendar } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN } from "../../support-hours/always-open.ts";
import { targetMs, workingDayMs } from "../working-day.ts";

const H = 3_600_000;
const office = (ranges: SupportCalendar["weekly"]): SupportCalendar => ({
  timeZone: "UTC",
  weekly: ranges,
  closedDates: [],
  extraOpenings: [],
});

describe("workingDayMs", () => {
  it("should be 21 hours on the policy's hours (05:00 → 02:00)", () => {
    expect(workingDayMs(POLICY_CALENDAR)).toBe(21 * H);
  });

  it("should be 24 hours around the clock, and 8 on a 09:00–17:00 office calendar", () => {
    expect(workingDayMs(ALWAYS_OPEN)).toBe(24 * H);
    expect(workingDayMs(office([{ day: "mon", start: "09:00", end: "17:00", endsNextDay: false }]))).toBe(8 * H);
  });

  it("should average the days that open, adding up a day's several ranges", () => {
    const split = office([
      { day: "mon", start: "08:00", end: "12:00", endsNextDay: false },
      { day: "mon", start: "13:00", end: "17:00", endsNextDay: false },
      { day: "sat", start: "10:00", end: "14:00", endsNextDay: false },
    ]);
    expect(workingDayMs(split)).toBe(6 * H);
  });

  it("should fall back to 24 hours when the week has no opening", () => {
    expect(workingDayMs(office([]))).toBe(24 * H);
  });
});

describe("targetMs", () => {
  it("should turn working days into working hours on the site's calendar", () => {
    expect(targetMs({ amount: 3, unit: "workingDays" }, POLICY_CALENDAR)).toBe(63 * H);
    expect(targetMs({ amount: 8, unit: "workingHours" }, POLICY_CALENDAR)).toBe(8 * H);
  });
});
