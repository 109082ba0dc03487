import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { issueApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";

type ApiKeyEvents = "api-key:list" | "api-key:create" | "api-key:revoke";

/** The Admin page's API keys (admins only, staff-command-roles.ts). Answered to the caller, never broadcast. */
export function apiKeyHandlers(clock: () => Date): HandlerGroup<AgentClientToServerEvents, StaffContext, ApiKeyEvents> {
  return {
    "api-key:list": async (_input, { agent }) => ({ keys: await listApiKeys(agent) }),
    "api-key:create": (input, { agent }) => issueApiKey(agent, input, clock()),
    "api-key:revoke": async (input, { agent }) => ({ key: await revokeApiKey(agent, input.keyId, clock()) }),
  };
}
