import type { ErrorBody } from "@parley/shared/errors";
import { isErrorCode } from "@parley/shared/errors";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ErrorBody };

const NETWORK_ERROR: ErrorBody = {
  code: "UNAVAILABLE",
  message: "Cannot reach the Parley server. Check your connection.",
};

/**
 * Same-origin JSON request. Never throws: callers branch on `ok`, and a failure always
 * carries an ErrorBody whose message is fit to show.
 */
export async function requestJson<T>(method: "GET" | "POST", url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: NETWORK_ERROR };
  }
  const payload: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: payload as T };
  return { ok: false, status: res.status, error: errorBodyOf(payload, res.status) };
}

function errorBodyOf(payload: unknown, status: number): ErrorBody {
  const error = (payload as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  if (error && isErrorCode(error.code) && typeof error.message === "string") {
    // Issues let a form put each message next to its field (a wrong current password, say).
    const issues = Array.isArray(error.issues) ? error.issues.filter(isIssue) : [];
    return issues.length > 0
      ? { code: error.code, message: error.message, issues }
      : { code: error.code, message: error.message };
  }
  // A proxy or a crash answered instead of Parley: there is no message worth showing.
  return {
    code: status === 401 ? "UNAUTHENTICATED" : "INTERNAL",
    message: `The server answered ${status}. Try again.`,
  };
}

function isIssue(value: unknown): value is { path: string; message: string } {
  const issue = value as { path?: unknown; message?: unknown } | null;
  return typeof issue?.path === "string" && typeof issue.message === "string";
}
