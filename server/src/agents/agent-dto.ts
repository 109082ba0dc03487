import type { AgentDto } from "@parley/shared";
import type { AgentDoc } from "./agent.model.ts";

export function toAgentDto(agent: AgentDoc): AgentDto {
  return { id: agent._id.toHexString(), name: agent.name, email: agent.email, role: agent.role };
}
