import type { QueryFilter, UpdateQuery } from "mongoose";
import { Agent, type AgentDoc } from "./agent.model.ts";

/**
 * A conditional update of one agent, then the agent as it is now; null if the filter matched nothing.
 * Not findOneAndUpdate: mongoose adds the projection that hides `passwordHash` to it, and FerretDB 1.24
 * does not implement projections on findAndModify. The update itself is still one atomic
 * compare-and-set; only the read that follows is separate, which callers use for display only.
 */
export async function updateAgentIf(
  filter: QueryFilter<AgentDoc>,
  update: UpdateQuery<AgentDoc>,
): Promise<AgentDoc | null> {
  const result = await Agent.updateOne(filter, update);
  if (result.matchedCount === 0) return null;
  const id = filter._id;
  return Agent.findById(id).lean<AgentDoc>().exec();
}
