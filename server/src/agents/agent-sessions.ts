import type { Types } from "mongoose";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { AgentSession, type AgentSessionDoc } from "./agent-session.model.ts";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createAgentSession(
  agentId: Types.ObjectId,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = mintToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await AgentSession.create({ _id: hashToken(token), agent: agentId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/**
 * The enabled agent behind a session token, or null: two primary-key reads. Callers pass a string already checked
 * by a schema.
 */
export async function resolveAgentSession(token: string, now = new Date()): Promise<AgentDoc | null> {
  return resolveAgentSessionByHash(hashToken(token), now);
}

/** As resolveAgentSession, from the token's hash: what a socket keeps, so the token itself never leaves the handshake. */
export async function resolveAgentSessionByHash(tokenHash: string, now = new Date()): Promise<AgentDoc | null> {
  const session = await AgentSession.findById(tokenHash).lean<AgentSessionDoc>();
  if (!session || session.expiresAt.getTime() <= now.getTime()) return null;
  const agent = await Agent.findById(session.agent).lean<AgentDoc>();
  return agent && !agent.disabled ? agent : null;
}

export async function revokeAgentSession(token: string): Promise<void> {
  await AgentSession.deleteOne({ _id: hashToken(token) });
}

/** Deletes expired sessions; run in the background, never on a request (it reads every session on devdb). */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  const { deletedCount } = await AgentSession.deleteMany({ expiresAt: { $lte: now } });
  return deletedCount;
}

/**
 * Sessions stored before they were keyed by hash carry an ObjectId and a `tokenHash` field: each one
 * still valid is stored again under its hash, and all of them are removed. Run once (db/migrations.ts).
 */
export async function keySessionsByHash(now = new Date()): Promise<number> {
  const sessions = AgentSession.collection;
  const old = await sessions.find({ tokenHash: { $exists: true } }).toArray();
  for (const s of old) {
    if (s.expiresAt instanceof Date && s.expiresAt > now) {
      await sessions.updateOne(
        { _id: s.tokenHash },
        { $setOnInsert: { agent: s.agent, createdAt: s.createdAt, expiresAt: s.expiresAt } },
        { upsert: true },
      );
    }
    await sessions.deleteOne({ _id: s._id });
  }
  return old.length;
}
