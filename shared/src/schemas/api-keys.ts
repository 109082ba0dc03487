import { z } from "zod";
import { ObjectIdString } from "./primitives.ts";

// REST API v1 keys: an admin makes a key for a site, names the agent it acts as, and gives it read or
// write access per resource. The secret is shown once, when the key is made; the server keeps only its hash.

/** What a key can be scoped to: one entry per resource of the REST API. */
export const API_RESOURCES = ["conversations", "messages", "tickets", "customers", "offline"] as const;
export type ApiResource = (typeof API_RESOURCES)[number];

/** "write" includes "read". */
export const API_ACCESS = ["none", "read", "write"] as const;
export type ApiAccess = (typeof API_ACCESS)[number];

export const ApiKeyScopes = z.strictObject({
  conversations: z.enum(API_ACCESS),
  messages: z.enum(API_ACCESS),
  tickets: z.enum(API_ACCESS),
  customers: z.enum(API_ACCESS),
  offline: z.enum(API_ACCESS),
});
export type ApiKeyScopes = z.infer<typeof ApiKeyScopes>;

/** `api-key:create` (admins): the new key's secret is in the answer, and never again. */
export const ApiKeyCreateInput = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(80),
  /** The agent of the site the key acts as (its role bounds what the key may do); the caller when absent. */
  agentId: ObjectIdString.optional(),
  scopes: ApiKeyScopes,
});
export type ApiKeyCreateInput = z.infer<typeof ApiKeyCreateInput>;

/** A key's public id: the part of the secret shown on the Admin page (`prk_<id>_…`). */
export const ApiKeyId = z.string().regex(/^[a-f0-9]{12}$/, "must be a 12-character hex key id");

export const ApiKeyRef = z.strictObject({ keyId: ApiKeyId });
export type ApiKeyRef = z.infer<typeof ApiKeyRef>;

export interface ApiKeyDto {
  id: string;
  name: string;
  /** The start of the secret (`prk_<id>`), enough to tell keys apart, useless to authenticate. */
  prefix: string;
  scopes: ApiKeyScopes;
  agent: { id: string; name: string };
  createdAt: string;
  createdBy: string;
  /** Null while the key works. */
  revokedAt: string | null;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
}

/** The answer to `api-key:create`: the secret, to copy now. */
export interface ApiKeyCreatedDto {
  key: ApiKeyDto;
  secret: string;
}
