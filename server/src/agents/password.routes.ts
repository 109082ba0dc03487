import { PasswordChangeRequest, PasswordResetInput, PasswordResetRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { Logger } from "../logging/logger.ts";
import type { LoginThrottle } from "../security/login-throttle.ts";
import { hashToken } from "../security/opaque-token.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { resolveAgentSessionByHash } from "./agent-sessions.ts";
import { verifyPassword } from "./password.ts";
import { type AgentSocketCutter, replacePassword } from "./password-change.ts";
import type { PasswordResets } from "./password-resets.ts";
import { sessionTokenFromCookieHeader } from "./session-cookie.ts";

export interface PasswordRouteDeps {
  logger: Logger;
  /** A wrong current password is a failed sign-in: someone at an unlocked console must not guess on forever. */
  throttle: LoginThrottle;
  limits: RateLimits["passwordResets"];
  resets: PasswordResets;
  cutSockets: AgentSocketCutter;
}

/** The same words whether or not the address has an account: the answer must not tell which emails exist. */
export const RESET_REQUESTED =
  "If an account exists for that address, we sent a link to reset its password. Check your email.";

const TOO_MANY_RESETS = "Too many password reset requests. Try again later.";

export function passwordRoutes(deps: PasswordRouteDeps): Router {
  const router = Router();

  router.post("/api/auth/password", async (req, res) => {
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    const sessionHash = token ? hashToken(token) : null;
    const agent = sessionHash ? await resolveAgentSessionByHash(sessionHash) : null;
    if (!agent || !sessionHash) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again");
    const { currentPassword, newPassword } = parseInput(PasswordChangeRequest, req.body);
    const address = req.ip ?? "unknown";
    const wait = await deps.throttle.retryAfterMs(agent.email, address);
    if (wait > 0) {
      res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
      throw new AppError("RATE_LIMITED", "Too many wrong passwords. Try again later.");
    }
    const stored = await Agent.findById(agent._id).select("+passwordHash").lean<AgentDoc>();
    if (!stored || !(await verifyPassword(stored.passwordHash, currentPassword))) {
      await deps.throttle.recordFailure(agent.email, address);
      deps.logger.info(
        { event: "password_change_failed", agentId: agent._id.toHexString(), address },
        "wrong password",
      );
      const message = "Your current password is not correct";
      throw new AppError("BAD_REQUEST", message, { issues: [{ path: "currentPassword", message }] });
    }
    await deps.throttle.recordSuccess(agent.email, address);
    // This session stays: the agent is the one who just proved the password. Every other one ends.
    await replacePassword(agent._id, newPassword, deps.cutSockets, sessionHash);
    deps.logger.info({ event: "password_changed", agentId: agent._id.toHexString() }, "password changed");
    res.status(204).end();
  });

  router.post("/api/auth/reset-request", async (req, res) => {
    const { email } = parseInput(PasswordResetRequest, req.body);
    const address = req.ip ?? "unknown";
    if (!(await deps.limits.requestsPerAddress.take(address)) || !(await deps.limits.requestsPerEmail.take(email))) {
      throw new AppError("RATE_LIMITED", TOO_MANY_RESETS);
    }
    deps.resets.request(email);
    res.status(202).json({ message: RESET_REQUESTED });
  });

  router.post("/api/auth/reset", async (req, res) => {
    if (!(await deps.limits.attemptsPerAddress.take(req.ip ?? "unknown"))) {
      throw new AppError("RATE_LIMITED", "Too many attempts. Try again later.");
    }
    const { token, password } = parseInput(PasswordResetInput, req.body);
    await deps.resets.redeem(token, password);
    res.status(204).end();
  });

  return router;
}
