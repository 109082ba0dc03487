/**
 * Whether a customer's product is covered when a ticket is opened (shared/spec/support-policy.txt:
 * "60 days of free support after the final software release"; "paid support can still be bought covering
 * any issues found after 60 days"). Pure: the instant comes in.
 *
 * Days are the site's calendar days: a product released on 1 March is free through 30 April (day 60) and
 * needs paid support from 1 May (day 61), in the site's time zone. Paid support covers through its last
 * day, inclusive.
 */
import { DAY_MS, instantsOfWallTimes, localDayAt } from "../support-hours/zoned-time.ts";

export const FREE_SUPPORT_DAYS = 60;

export type Entitlement =
  | { kind: "free"; until: Date }
  | { kind: "paid"; until: Date }
  | { kind: "none"; freeEndedAt: Date };

export interface ProductCoverage {
  /** The product's final release, a local date "YYYY-MM-DD". */
  finalRelease: string;
  /** The last day of the paid support the customer bought, if any. */
  paidSupportUntil: string | null;
}

const dayNumber = (localDate: string): number => Date.parse(`${localDate}T00:00:00Z`) / DAY_MS;

/** The instant a local day starts in the zone. */
const startOfDay = (timeZone: string, day: number): Date =>
  new Date((instantsOfWallTimes(timeZone, [day * DAY_MS]) as [number])[0]);

export function entitlementAt(coverage: ProductCoverage, timeZone: string, at: Date): Entitlement {
  const firstUnfreeDay = dayNumber(coverage.finalRelease) + FREE_SUPPORT_DAYS + 1;
  const today = localDayAt(timeZone, at.getTime());
  if (today < firstUnfreeDay) return { kind: "free", until: startOfDay(timeZone, firstUnfreeDay) };
  if (coverage.paidSupportUntil !== null) {
    const firstUnpaidDay = dayNumber(coverage.paidSupportUntil) + 1;
    if (today < firstUnpaidDay) return { kind: "paid", until: startOfDay(timeZone, firstUnpaidDay) };
  }
  return { kind: "none", freeEndedAt: startOfDay(timeZone, firstUnfreeDay) };
}
