import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import type { TeamCapacity } from "./queue-estimate.ts";

/**
 * Online, enabled agents of a site who take chats: who can be offered one now. Capacity 0 (a supervisor
 * who only watches) does not count, so an online supervisor alone does not open the chat to visitors.
 */
export function onlineAgents(siteId: Types.ObjectId): Promise<AgentDoc[]> {
  return Agent.find({ site: siteId, status: "online", disabled: false, capacity: { $gt: 0 } })
    .lean<AgentDoc[]>()
    .exec();
}

export function teamCapacity(agents: readonly AgentDoc[]): TeamCapacity {
  return {
    totalSlots: agents.reduce((sum, a) => sum + a.capacity, 0),
    freeSlots: agents.reduce((sum, a) => sum + Math.max(0, a.capacity - a.load), 0),
  };
}
