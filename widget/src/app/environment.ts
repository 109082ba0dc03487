import type { Environment } from "@parley/shared";
import { MAX_URL_LENGTH } from "@parley/shared/constants";

// Limits of the Environment schema (shared/src/schemas/primitives.ts). A value over its
// limit would make the server refuse the whole start, so each is cut to fit.
const LIMITS = { url: MAX_URL_LENGTH, referrer: MAX_URL_LENGTH, userAgent: 512, language: 35, timeZone: 64 } as const;

export function captureEnvironment(): Environment {
  let timeZone = "";
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    // Some embedded browsers ship without time zone data.
  }
  return {
    url: truncate(location.href, LIMITS.url),
    referrer: truncate(document.referrer, LIMITS.referrer),
    userAgent: truncate(navigator.userAgent, LIMITS.userAgent),
    language: truncate(navigator.language ?? "", LIMITS.language),
    timeZone: truncate(timeZone, LIMITS.timeZone),
  };
}

/** Cuts to at most `max` UTF-16 units (what the schema counts) without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
