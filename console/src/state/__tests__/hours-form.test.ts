import { POLICY_CALENDAR, type SiteSettingsDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { calendarOf, hoursFormOf, hoursIssueLayout, nextWeeklyRow, siteUpdateOf, withCalendar } from "../hours-form.ts";
import { errorsAt, formErrors } from "../issues.ts";
import { removeRow } from "../rows.ts";

const settings: Pick<SiteSettingsDto, "assignmentMode" | "offerTimeoutSeconds" | "supportHours"> = {
  assignmentMode: "manual",
  offerTimeoutSeconds: 45,
  supportHours: {
    timeZone: "Europe/Berlin",
    weekly: [
      { day: "mon", start: "09:00", end: "17:00", endsNextDay: false },
      { day: "fri", start: "22:00", end: "02:00", endsNextDay: true },
    ],
    closedDates: [{ date: "2025-12-25", note: "Christmas" }, { date: "2025-12-26" }],
    extraOpenings: [{ date: "2025-12-27", start: "10:00", end: "14:00", endsNextDay: false }],
  },
};

describe("hours form", () => {
  it("round-trips a SupportCalendar, dropping empty notes", () => {
    const form = hoursFormOf(settings);
    expect(form.offerTimeout).toBe("45");
    expect(new Set(form.weekly.map((r) => r.key)).size).toBe(2);
    expect(calendarOf(form)).toEqual(settings.supportHours);
    const blankNote = { ...form, closedDates: form.closedDates.map((d) => ({ ...d, note: "  " })) };
    expect(calendarOf(blankNote).closedDates).toEqual([{ date: "2025-12-25" }, { date: "2025-12-26" }]);
  });

  it("builds the whole site:update", () => {
    const result = siteUpdateOf({ ...hoursFormOf(settings), assignmentMode: "auto", offerTimeout: " 20 " });
    expect(result).toEqual({
      ok: true,
      input: { assignmentMode: "auto", offerTimeoutSeconds: 20, supportHours: settings.supportHours },
    });
  });

  it("refuses an offer timeout that is not a whole number, on that field", () => {
    for (const offerTimeout of ["", "1.5", "ten", "-3"]) {
      const result = siteUpdateOf({ ...hoursFormOf(settings), offerTimeout });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues?.[0]?.path).toBe("offerTimeoutSeconds");
    }
  });

  it("loads the policy hours over the calendar but keeps the routing settings", () => {
    const form = withCalendar(hoursFormOf(settings), POLICY_CALENDAR);
    expect(form.assignmentMode).toBe("manual");
    expect(form.offerTimeout).toBe("45");
    expect(calendarOf(form)).toEqual(POLICY_CALENDAR);
  });

  it("adds a weekly row for the day after the last one, with its hours", () => {
    const form = hoursFormOf(settings);
    const next = nextWeeklyRow(form.weekly);
    expect(next).toMatchObject({ day: "sat", start: "22:00", end: "02:00", endsNextDay: true });
    expect(form.weekly.map((r) => r.key)).not.toContain(next.key);
    expect(nextWeeklyRow([])).toMatchObject({ day: "mon", start: "09:00", end: "17:00" });
  });

  it("keeps a server message on its row after an earlier row is removed", () => {
    const form = hoursFormOf(settings);
    const errors = formErrors(
      {
        code: "BAD_REQUEST",
        message: "Invalid support hours",
        issues: [{ path: "supportHours.weekly.1.end", message: "too long" }],
      },
      hoursIssueLayout(form),
    );
    const friday = form.weekly[1];
    const after = removeRow(form.weekly, form.weekly[0]?.key ?? "");
    expect(after[0]).toBe(friday);
    expect(errorsAt(errors, `weekly.${friday?.key}.end`)).toEqual(["too long"]);
  });
});
