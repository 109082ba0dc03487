import type { Types } from "mongoose";
import { Agent } from "./agent.model.ts";
import { AgentSession } from "./agent-session.model.ts";
import { hashPassword } from "./password.ts";
import { forgetResetTokens } from "./password-reset-tokens.ts";

/**
 * Cuts an agent's open console sockets, on every node: all of them, or all but those of one session (the one
 * that changed the password, identified by its token hash).
 */
export type AgentSocketCutter = (agentId: Types.ObjectId, keepSessionHash?: string) => void;

/**
 * Ends every session of the agent but `keepSessionHash`: the rows deleted (a socket's next event would be refused
 * anyway, as every event re-reads its session) and the sockets cut now. What a changed password, a reset and an
 * admin's forced reset all do: whoever was in with the old password is out.
 */
export async function endOtherAccess(
  agentId: Types.ObjectId,
  cutSockets: AgentSocketCutter,
  keepSessionHash?: string,
): Promise<void> {
  await AgentSession.deleteMany(
    keepSessionHash === undefined ? { agent: agentId } : { agent: agentId, _id: { $ne: keepSessionHash } },
  );
  cutSockets(agentId, keepSessionHash);
}

/**
 * Stores a new password for the agent, then ends every session but `keepSessionHash` (the one that changed it,
 * if any) and every outstanding reset link.
 */
export async function replacePassword(
  agentId: Types.ObjectId,
  password: string,
  cutSockets: AgentSocketCutter,
  keepSessionHash?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await Agent.updateOne({ _id: agentId }, { $set: { passwordHash } });
  await forgetResetTokens(agentId);
  await endOtherAccess(agentId, cutSockets, keepSessionHash);
}
