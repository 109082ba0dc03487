import { OpaqueToken } from "@parley/shared";
import { AGENT_SESSION_COOKIE } from "@parley/shared/constants";
import { parseCookie } from "cookie";

/** The session token from a Cookie header, if it has a well-formed one. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
  if (!header) return null;
  const raw = parseCookie(header)[AGENT_SESSION_COOKIE];
  const parsed = OpaqueToken.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
