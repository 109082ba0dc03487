import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { updateAgentIf } from "../agents/agent-writes.ts";
import type { AgentBroadcaster } from "./agent-broadcaster.ts";

/**
 * An agent's load counts chats owned plus offers ringing. Taking a slot is one atomic update whose filter
 * carries the capacity it was checked against, so concurrent routers, accepts and transfers, in one
 * process or several, can never push an agent past capacity. (FerretDB 1.24 has no $expr, so the
 * comparison is against the capacity value read a moment before; a capacity edit in between just
 * makes the update miss and the caller re-read.)
 */
export async function takeSlot(
  agentId: Types.ObjectId,
  opts: { mustBeOnline: boolean; now?: Date } = { mustBeOnline: false },
): Promise<AgentDoc | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const agent = await Agent.findOne({ _id: agentId, disabled: false }).lean<AgentDoc>();
    if (!agent || agent.load >= agent.capacity) return null;
    if (opts.mustBeOnline && agent.status !== "online") return null;
    const taken = await updateAgentIf(
      {
        _id: agentId,
        disabled: false,
        capacity: agent.capacity,
        load: { $lt: agent.capacity },
        ...(opts.mustBeOnline ? { status: "online" } : {}),
      },
      { $inc: { load: 1 }, $set: { lastAssignedAt: opts.now ?? new Date() } },
    );
    if (taken) return taken;
  }
  return null;
}

/** Gives a slot back and tells the site's staff the agent's new load. */
export async function giveBackSlot(agentId: Types.ObjectId, agents: AgentBroadcaster): Promise<void> {
  const agent = await releaseSlot(agentId);
  if (agent) agents.agentChanged(agent);
}

/** Gives a slot back; never below zero, so a double release after a crash cannot make room that isn't there. */
export async function releaseSlot(agentId: Types.ObjectId): Promise<AgentDoc | null> {
  return updateAgentIf({ _id: agentId, load: { $gt: 0 } }, { $inc: { load: -1 } });
}
