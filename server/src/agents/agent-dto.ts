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
  };
}

export function toTeamMemberDto(agent: AgentDoc): TeamMemberDto {
  return { ...toAgentDto(agent), disabled: agent.disabled ?? false, load: agent.load };
}
