import type { AgentDto } from "@parley/shared";
import { type ApiResult, requestJson } from "./http.ts";

export function signIn(email: string, password: string): Promise<ApiResult<{ agent: AgentDto }>> {
  return requestJson("POST", "/api/auth/login", { email, password });
}

/** The agent of the current session cookie, or a 401 result when there is none. */
export function currentAgent(): Promise<ApiResult<{ agent: AgentDto }>> {
  return requestJson("GET", "/api/auth/me");
}

export async function signOut(): Promise<void> {
  await requestJson("POST", "/api/auth/logout");
}

/** The signed-in agent's own password; every other session of theirs ends. */
export function changePassword(currentPassword: string, newPassword: string): Promise<ApiResult<null>> {
  return requestJson("POST", "/api/auth/password", { currentPassword, newPassword });
}

/** "Forgot password?": the answer is the same whether or not the email has an account. */
export function requestPasswordReset(email: string): Promise<ApiResult<{ message: string }>> {
  return requestJson("POST", "/api/auth/reset-request", { email });
}

/** Sets a new password with the token of an emailed link (once). */
export function resetPassword(token: string, password: string): Promise<ApiResult<null>> {
  return requestJson("POST", "/api/auth/reset", { token, password });
}
