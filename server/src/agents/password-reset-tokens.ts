import { PASSWORD_RESET_TTL_MINUTES } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { PasswordReset, type PasswordResetDoc } from "./password-reset.model.ts";

export const RESET_TTL_MS = PASSWORD_RESET_TTL_MINUTES * 60_000;

/** A new reset token for the agent; only its hash is stored. The caller puts the token in the emailed link. */
export async function issueResetToken(agentId: Types.ObjectId, now: Date): Promise<string> {
  const token = mintToken();
  await PasswordReset.create({
    _id: hashToken(token),
    agent: agentId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
  });
  return token;
}

/**
 * The agent a token was issued for, or null when it is unknown, used or expired. The row is deleted in the same
 * atomic step as it is read, so of two requests racing with one link only one gets the agent: single use holds
 * across processes. An expired row is deleted just the same.
 */
export async function redeemResetToken(token: string, now: Date): Promise<Types.ObjectId | null> {
  const row = await PasswordReset.findOneAndDelete({ _id: hashToken(token) }).lean<PasswordResetDoc>();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return row.agent;
}

/** Drops the agent's outstanding links: once the password changed, an older link must not change it again. */
export async function forgetResetTokens(agentId: Types.ObjectId): Promise<void> {
  await PasswordReset.deleteMany({ agent: agentId });
}

/** Deletes expired links; run in the background, never on a request (it reads every row on devdb). */
export async function sweepExpiredResetTokens(now: Date): Promise<number> {
  const { deletedCount } = await PasswordReset.deleteMany({ expiresAt: { $lte: now } });
  return deletedCount;
}
