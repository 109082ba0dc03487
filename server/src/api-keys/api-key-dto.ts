import type { ApiKeyDto } from "@parley/shared";
import type { ApiKeyDoc } from "./api-key.model.ts";

export const keyPrefix = (keyId: string): string => `prk_${keyId}`;

export function toApiKeyDto(k: ApiKeyDoc): ApiKeyDto {
  return {
    id: k.keyId,
    name: k.name,
    prefix: keyPrefix(k.keyId),
    scopes: { ...k.scopes },
    agent: { id: k.agent.toHexString(), name: k.agentName },
    createdAt: k.createdAt.toISOString(),
    createdBy: k.createdBy,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}
