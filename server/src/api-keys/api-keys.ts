import { randomBytes } from "node:crypto";
import type { ApiKeyCreatedDto, ApiKeyCreateInput, ApiKeyDto } from "@parley/shared";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { ApiKey, type ApiKeyDoc } from "./api-key.model.ts";
import { keyPrefix, toApiKeyDto } from "./api-key-dto.ts";

/** Revoked keys stay listed as a record, so this bounds the list (and the Admin page's table) for good. */
const MAX_KEYS_PER_SITE = 100;

/** The site's keys, newest first, revoked ones included (the Admin page shows them as such). */
export async function listApiKeys(admin: AgentDoc): Promise<ApiKeyDto[]> {
  const keys = await keysOfSite(admin);
  return keys.map(toApiKeyDto);
}

/**
 * A new key for the admin's site, acting as `agentId` (an enabled agent of the same site) or the admin. The secret
 * is returned here once; only its hash is stored.
 */
export async function issueApiKey(admin: AgentDoc, input: ApiKeyCreateInput, now: Date): Promise<ApiKeyCreatedDto> {
  const agent = input.agentId
    ? await Agent.findOne({ _id: toObjectId(input.agentId), site: admin.site }).lean<AgentDoc>()
    : admin;
  if (!agent) throw new AppError("NOT_FOUND", "Agent not found");
  if (agent.disabled) throw new AppError("BAD_REQUEST", "agentId: this agent's account is disabled");
  if ((await keysOfSite(admin)).length >= MAX_KEYS_PER_SITE) {
    throw new AppError("CONFLICT", `A site has at most ${MAX_KEYS_PER_SITE} API keys; revoked ones count too`);
  }
  const keyId = randomBytes(6).toString("hex");
  const secret = `${keyPrefix(keyId)}_${mintToken()}`;
  const doc: ApiKeyDoc = {
    _id: hashToken(secret),
    keyId,
    site: admin.site,
    name: input.name,
    scopes: input.scopes,
    agent: agent._id,
    agentName: agent.name,
    createdBy: admin.name,
    createdAt: now,
    revokedAt: null,
    lastUsedAt: null,
  };
  await ApiKey.create(doc);
  return { key: toApiKeyDto(doc), secret };
}

/** The key stops working at the next request (each one reads it by its hash). Revoking twice is harmless. */
export async function revokeApiKey(admin: AgentDoc, keyId: string, now: Date): Promise<ApiKeyDto> {
  const key = await ApiKey.findOne({ keyId, site: admin.site }).lean<ApiKeyDoc>();
  if (!key) throw new AppError("NOT_FOUND", "API key not found");
  if (key.revokedAt) return toApiKeyDto(key);
  // Guarded on still being live, so a second revoke racing this one keeps the first time.
  const revoked = await ApiKey.findOneAndUpdate(
    { _id: key._id, revokedAt: null },
    { $set: { revokedAt: now } },
    { returnDocument: "after" },
  ).lean<ApiKeyDoc>();
  return toApiKeyDto(revoked ?? (await ApiKey.findById(key._id).lean<ApiKeyDoc>()) ?? key);
}

function keysOfSite(admin: AgentDoc): Promise<ApiKeyDoc[]> {
  return ApiKey.find({ site: admin.site }).sort({ createdAt: -1 }).lean<ApiKeyDoc[]>().exec();
}
