/**
 * Whether a customer's product is covered when a ticket is opened (issue 4, shared/spec/support-policy.txt:
 * "60 days of free support after the final software release"; "paid support can still be bought covering
 * any issues found after 60 days"). Pure: the instant comes in.
 *
 * Days are the site's calendar days: a product released on 1 March is free through 30 April (day 60) and
 * needs a paid plan from 1 May (day 61), in the site's time zone.
 */
import { DAY_MS, instantsOfWallTimes, localDayAt } from "../support-hours/zoned-time.ts";

export const FREE_SUPPORT_DAYS = 60;

export type Entitlement =
  | { kind: "free"; until: Date }
  | { kind: "paid"; planId: string }
  | { kind: "none"; freeEndedAt: Date };

export interface ProductCoverage {
  /** The product's final release, a local date "YYYY-MM-DD". */
  finalRelease: string;
  /** The customer's paid support plan, if they bought one. */
  paidPlanId: string | null;
}

export function entitlementAt(coverage: ProductCoverage, timeZone: string, at: Date): Entitlement {
  const releaseDay = Date.parse(`${coverage.finalRelease}T00:00:00Z`) / DAY_MS;
  const firstUnfreeDay = releaseDay + FREE_SUPPORT_DAYS + 1;
  const [freeEnds] = instantsOfWallTimes(timeZone, [firstUnfreeDay * DAY_MS]) as [number];
  if (localDayAt(timeZone, at.getTime()) < firstUnfreeDay) return { kind: "free", until: new Date(freeEnds) };
  if (coverage.paidPlanId) return { kind: "paid", planId: coverage.paidPlanId };
  return { kind: "none", freeEndedAt: new Date(freeEnds) };
}
