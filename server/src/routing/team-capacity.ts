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

/**
 * Slots of the online team. A ringing offer holds a slot for a chat that is still in the queue, so that
 * slot counts as free for the queue's purposes: the chat it is held for is served by it, and counting
 * the chat as waiting while its slot is taken would charge it a whole handling time twice.
 */
export function teamCapacity(agents: readonly AgentDoc[], ringing: number): TeamCapacity {
  const totalSlots = agents.reduce((sum, a) => sum + a.capacity, 0);
  const idle = agents.reduce((sum, a) => sum + Math.max(0, a.capacity - a.load), 0);
  return { totalSlots, freeSlots: Math.min(totalSlots, idle + ringing) };
}
