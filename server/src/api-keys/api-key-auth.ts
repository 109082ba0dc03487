import type { ApiAccess, ApiResource } from "@parley/shared";
import type { RequestHandler, Response } from "express";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import { hashToken } from "../security/opaque-token.ts";
import type { Limit } from "../security/rate-limits.ts";
import { ApiKey, type ApiKeyDoc } from "./api-key.model.ts";

/** Who is calling: the key, and the agent it acts as (read again on every request, like a staff socket's event). */
export interface ApiCaller {
  key: ApiKeyDoc;
  agent: AgentDoc;
}

const BEARER = /^Bearer (prk_[a-f0-9]{12}_[A-Za-z0-9_-]{43})$/;
/** `lastUsedAt` is a hint for the Admin page, not a log: one write a minute per key at most. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * `Authorization: Bearer prk_…`: the key is read by the sha256 of the secret (one `_id` read), must not be revoked,
 * and its agent must still be an enabled member of the key's site. Then the key's request budget is counted.
 */
export function apiKeyAuth(opts: { limit: Limit; clock: () => Date; logger: Logger }): RequestHandler {
  return async (req, res, next) => {
    try {
      const match = BEARER.exec(req.get("authorization") ?? "");
      if (!match?.[1]) throw unauthenticated("Send an API key: Authorization: Bearer prk_…");
      const key = await ApiKey.findById(hashToken(match[1])).lean<ApiKeyDoc>();
      if (!key || key.revokedAt) throw unauthenticated("This API key is unknown or was revoked");
      const agent = await Agent.findById(key.agent).lean<AgentDoc>();
      if (!agent || agent.disabled || !agent.site.equals(key.site)) {
        throw unauthenticated("The agent this API key acts as is no longer active");
      }
      if (!(await opts.limit.take(key._id))) throw new AppError("RATE_LIMITED", "Too many requests with this API key");
      const now = opts.clock();
      if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
        ApiKey.updateOne({ _id: key._id }, { $set: { lastUsedAt: now } }).catch((err: unknown) =>
          opts.logger.warn({ err }, "API key last use not recorded"),
        );
      }
      res.locals.apiCaller = { key, agent } satisfies ApiCaller;
      next();
    } catch (err) {
      if (err instanceof AppError && err.code === "UNAUTHENTICATED")
        res.set("WWW-Authenticate", 'Bearer realm="parley"');
      next(err);
    }
  };
}

function unauthenticated(message: string): AppError {
  return new AppError("UNAUTHENTICATED", message);
}

export function callerOf(res: Response): ApiCaller {
  const caller = res.locals.apiCaller as ApiCaller | undefined;
  if (!caller) throw new AppError("UNAUTHENTICATED", "Send an API key");
  return caller;
}

/** Whether the key's scope for `resource` allows `access` ("write" includes "read"). */
export function keyAllows(key: Pick<ApiKeyDoc, "scopes">, resource: ApiResource, access: Exclude<ApiAccess, "none">) {
  const granted = key.scopes[resource];
  return granted === "write" || granted === access;
}
