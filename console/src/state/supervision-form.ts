import type { SupervisionSettings } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { wholeNumber } from "./whole-number.ts";

type Issue = NonNullable<ErrorBody["issues"]>[number];

/** The bounds `SupervisionSettings` sets, so a typo is caught before the round trip. */
const MIN_SECONDS = 10;
const MAX_SECONDS = 86_400;

/** The admin's "Supervision alerts" form as typed; issues are at the paths `site:update` would report. */
export function supervisionInput(
  queueWaitText: string,
  unansweredText: string,
): { ok: true; supervision: SupervisionSettings } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const read = (text: string, key: keyof SupervisionSettings): number => {
    const value = wholeNumber(text);
    if (value === null || value < MIN_SECONDS || value > MAX_SECONDS) {
      issues.push({
        path: `supervision.${key}`,
        message: `must be a whole number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS}`,
      });
    }
    return value ?? 0;
  };
  const supervision = {
    queueWaitAlertSeconds: read(queueWaitText, "queueWaitAlertSeconds"),
    unansweredAlertSeconds: read(unansweredText, "unansweredAlertSeconds"),
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, supervision };
}
