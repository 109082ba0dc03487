import type { SupportCalendar } from "@parley/shared";
import { AppError } from "../errors/app-error.ts";
import { openIntervals } from "../support-hours/calendar.ts";

/**
 * Every slot must lie wholly inside one of the site's support-hours openings, and in the future: the policy
 * schedules conferences within "9 hour x 5 days" support, so a slot at 03:00 on a Sunday is refused with the slot
 * named, rather than proposed and then not staffed. (Refused, not flagged: an agent who really means to meet
 * out of hours adds an extra opening on the Admin page first, which also tells the team.)
 */
export function requireSlotsInHours(
  calendar: SupportCalendar,
  slots: readonly { start: Date; end: Date }[],
  now: Date,
): void {
  const issues: { path: string; message: string }[] = [];
  slots.forEach((slot, i) => {
    if (slot.start.getTime() <= now.getTime()) {
      issues.push({ path: `slots.${i}.start`, message: "is in the past" });
      return;
    }
    const open = openIntervals(calendar, slot.start, slot.end);
    const covered = open.some(
      (o) => o.start.getTime() <= slot.start.getTime() && o.end.getTime() >= slot.end.getTime(),
    );
    if (!covered) issues.push({ path: `slots.${i}`, message: `is outside support hours (${calendar.timeZone})` });
  });
  const first = issues[0];
  if (first) {
    throw new AppError("BAD_REQUEST", `${first.path}: ${first.message}`, { issues });
  }
}
