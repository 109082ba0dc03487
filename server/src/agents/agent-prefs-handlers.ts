import type { AgentClientToServerEvents } from "@parley/shared";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { rooms } from "../realtime/rooms.ts";
import { toAgentDto, toTeamMemberDto } from "./agent-dto.ts";
import { updateAgentIf } from "./agent-writes.ts";
import type { StaffContext } from "./staff-context.ts";

/**
 * `me:prefs`: the signed-in agent's own console settings. There is no agent id in the input: whoever sends
 * it changes only themselves, so nobody can change a colleague's settings.
 */
export function agentPrefsHandlers(): HandlerGroup<AgentClientToServerEvents, StaffContext, "me:prefs"> {
  return {
    "me:prefs": async (input, { agent, socket }) => {
      const me = await updateAgentIf({ _id: agent._id }, { $set: { notifySound: input.sound } });
      if (!me) throw new AppError("NOT_FOUND", "Your account no longer exists");
      // The agent's other tabs (on any node) take the setting at once; nobody else needs it.
      socket.nsp.to(rooms.agent(me._id)).except(socket.id).emit("agent:updated", toTeamMemberDto(me));
      return { me: toAgentDto(me) };
    },
  };
}
