import type { AgentClientToServerEvents } from "@parley/shared";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { toTeamMemberDto } from "./agent-dto.ts";
import type { PasswordResets } from "./password-resets.ts";
import type { StaffContext } from "./staff-context.ts";

/** `agent:reset-password`: an admin sends an agent of their site a reset link and signs them out everywhere. */
export function passwordAdminHandlers(
  resets: PasswordResets,
): HandlerGroup<AgentClientToServerEvents, StaffContext, "agent:reset-password"> {
  return {
    "agent:reset-password": async (input, { agent: admin }) => {
      const id = toObjectId(input.agentId);
      // It would end the admin's own session too; changing their own password keeps it.
      if (id.equals(admin._id)) {
        throw new AppError("FORBIDDEN", "Change your own password on your Account page instead");
      }
      const target = await Agent.findOne({ _id: id, site: admin.site }).lean<AgentDoc>();
      if (!target) throw new AppError("NOT_FOUND", "No such agent");
      if (target.disabled) throw new AppError("CONFLICT", `${target.name} is disabled; enable them first`);
      await resets.force(target, admin);
      return { agent: toTeamMemberDto(target) };
    },
  };
}
