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
