import type { AgentClientToServerEvents } from "@parley/shared";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffContext } from "../realtime/namespaces.ts";
import { toAgentDto } from "./agent-dto.ts";
import { updateAgentIf } from "./agent-writes.ts";

/**
 * `me:prefs`: the signed-in agent's own console settings. There is no agent id in the input: whoever sends
 * it changes only themselves, so nobody can change a colleague's settings.
 */
export function agentPrefsHandlers(): HandlerGroup<AgentClientToServerEvents, StaffContext, "me:prefs"> {
  return {
    "me:prefs": async (input, { agent }) => {
      const me = await updateAgentIf({ _id: agent._id }, { $set: { notifySound: input.sound } });
      if (!me) throw new AppError("NOT_FOUND", "Your account no longer exists");
      return { me: toAgentDto(me) };
    },
  };
}
