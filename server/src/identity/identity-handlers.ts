import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { identitySecretOf, rotateIdentitySecret } from "./identity-secrets.ts";

type IdentityEvents = "site:identity" | "site:identity-rotate";

/** The Admin page's identity secret (admins only, staff-command-roles.ts). Answered to the caller, never broadcast. */
export function identityHandlers(
  clock: () => Date,
): HandlerGroup<AgentClientToServerEvents, StaffContext, IdentityEvents> {
  return {
    "site:identity": async (_input, { agent }) => ({ secret: await identitySecretOf(agent.site, clock()) }),
    "site:identity-rotate": async (_input, { agent }) => ({ secret: await rotateIdentitySecret(agent.site, clock()) }),
  };
}
