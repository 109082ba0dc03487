import type { AgentDto, TeamMemberDto } from "@parley/shared";
import type { AgentDoc } from "./agent.model.ts";

export function toAgentDto(agent: AgentDoc): AgentDto {
  return {
    id: agent._id.toHexString(),
    name: agent.name,
    email: agent.email,
    role: agent.role,
    status: agent.status,
    capacity: agent.capacity,
    products: [...agent.products],
    // Agents stored before the setting existed have no field: the default is on.
    notifySound: agent.notifySound ?? true,
  };
}

export function toTeamMemberDto(agent: AgentDoc): TeamMemberDto {
  return { ...toAgentDto(agent), disabled: agent.disabled ?? false, load: agent.load };
}
