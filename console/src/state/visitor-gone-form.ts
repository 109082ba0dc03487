import type { VisitorGoneSettings } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { wholeNumber } from "./whole-number.ts";

type Issue = NonNullable<ErrorBody["issues"]>[number];

/** The bounds `VisitorGoneSettings` sets (minutes), so a typo is caught before the round trip. */
export const VISITOR_GONE_BOUNDS: { readonly [K in keyof VisitorGoneSettings]: readonly [number, number] } = {
  leftAfterMinutes: [1, 240],
  closeAfterMinutes: [1, 1440],
};

/** The admin's "Visitors who leave" form as typed; issues are at the paths `site:update` would report. */
export function visitorGoneInput(
  leftText: string,
  closeText: string,
): { ok: true; visitorGone: VisitorGoneSettings } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const read = (text: string, key: keyof VisitorGoneSettings): number => {
    const value = wholeNumber(text);
    const [min, max] = VISITOR_GONE_BOUNDS[key];
    if (value === null || value < min || value > max) {
      issues.push({ path: `visitorGone.${key}`, message: `must be a whole number of minutes from ${min} to ${max}` });
    }
    return value ?? 0;
  };
  const visitorGone = {
    leftAfterMinutes: read(leftText, "leftAfterMinutes"),
    closeAfterMinutes: read(closeText, "closeAfterMinutes"),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, visitorGone };
}
