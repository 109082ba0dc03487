import { type SupportCalendar, WEEKDAYS } from "@parley/shared";

/**
 * A new site's hours until an admin sets them: every day from midnight to midnight. Closed by default
 * would hide the chat button from a site that has not found the admin page yet.
 */
export const ALWAYS_OPEN: SupportCalendar = {
  timeZone: "UTC",
  weekly: WEEKDAYS.map((day) => ({ day, start: "00:00", end: "00:00", endsNextDay: true })),
  closedDates: [],
  extraOpenings: [],
};
