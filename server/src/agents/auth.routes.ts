import { AGENT_SESSION_COOKIE, LoginRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { Logger } from "../logging/logger.ts";
import type { LoginThrottle } from "../security/login-throttle.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { toAgentDto } from "./agent-dto.ts";
import { createAgentSession, resolveAgentSession, revokeAgentSession, SESSION_TTL_MS } from "./agent-sessions.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { sessionTokenFromCookieHeader } from "./session-cookie.ts";

export interface AuthRouteDeps {
  logger: Logger;
  throttle: LoginThrottle;
  secureCookies: boolean;
  /** Cuts the sockets opened with a session that was just revoked. */
  onSessionRevoked: (token: string) => void;
}

export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();
  const cookieOptions = {
    httpOnly: true,
    sameSite: "strict",
    secure: deps.secureCookies,
    path: "/",
  } as const;

  router.post("/api/auth/login", async (req, res) => {
    const { email, password } = parseInput(LoginRequest, req.body);
    const address = req.ip ?? "unknown";
    const wait = await deps.throttle.retryAfterMs(email, address);
    if (wait > 0) {
      res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
      throw new AppError("RATE_LIMITED", "Too many failed sign-in attempts. Try again later.");
    }
    const agent = await Agent.findOne({ email, disabled: false }).select("+passwordHash").lean<AgentDoc>();
    const ok = await verifyPassword(agent?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!agent || !ok) {
      await deps.throttle.recordFailure(email, address);
      deps.logger.info({ event: "login_failed", address }, "agent login failed");
      throw new AppError("UNAUTHENTICATED", "Email or password is incorrect");
    }
    await deps.throttle.recordSuccess(email, address);
    const { token } = await createAgentSession(agent._id);
    res.cookie(AGENT_SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_TTL_MS });
    deps.logger.info({ event: "login", agentId: agent._id.toHexString() }, "agent signed in");
    res.json({ agent: toAgentDto(agent) });
  });

  router.post("/api/auth/logout", async (req, res) => {
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    if (token) {
      await revokeAgentSession(token);
      deps.onSessionRevoked(token);
    }
    res.clearCookie(AGENT_SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  router.get("/api/auth/me", async (req, res) => {
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    const agent = token ? await resolveAgentSession(token) : null;
    if (!agent) throw new AppError("UNAUTHENTICATED", "Not signed in");
    res.json({ agent: toAgentDto(agent) });
  });

  return router;
}
