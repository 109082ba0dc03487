import type { Types } from "mongoose";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { AgentSession } from "./agent-session.model.ts";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createAgentSession(agentId: Types.ObjectId): Promise<{ token: string; expiresAt: Date }> {
  const now = Date.now();
  await AgentSession.deleteMany({ expiresAt: { $lte: new Date(now) } });
  const token = mintToken();
  const expiresAt = new Date(now + SESSION_TTL_MS);
  await AgentSession.create({ tokenHash: hashToken(token), agent: agentId, expiresAt });
  return { token, expiresAt };
}

/** The enabled agent behind a session token, or null. Callers pass a string already checked by a schema. */
export async function resolveAgentSession(token: string): Promise<AgentDoc | null> {
  const session = await AgentSession.findOne({ tokenHash: hashToken(token) }).lean();
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  const agent = await Agent.findOne({ _id: session.agent, disabled: false }).lean<AgentDoc>();
  return agent ?? null;
}

export async function revokeAgentSession(token: string): Promise<void> {
  await AgentSession.deleteOne({ tokenHash: hashToken(token) });
}
