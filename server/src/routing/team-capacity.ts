import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import type { TeamCapacity } from "./queue-estimate.ts";

/** Online, enabled agents of a site: who can be offered chats now. */
export function onlineAgents(siteId: Types.ObjectId): Promise<AgentDoc[]> {
  return Agent.find({ site: siteId, status: "online", disabled: false }).lean<AgentDoc[]>().exec();
}

export function teamCapacity(agents: readonly AgentDoc[]): TeamCapacity {
  return {
    totalSlots: agents.reduce((sum, a) => sum + a.capacity, 0),
    freeSlots: agents.reduce((sum, a) => sum + Math.max(0, a.capacity - a.load), 0),
  };
}
