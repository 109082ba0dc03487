import { type IdentityClaims, VisitorSessionRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import { effectiveOrigin, isOriginAllowed } from "../sites/origin-policy.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { cachedSiteByKey } from "../sites/site-cache.ts";
import { mintVisitor } from "../visitors/visitor-auth.ts";
import { requireVerifiedSession } from "./identity-policy.ts";
import { identitySecretOf } from "./identity-secrets.ts";
import { verifyIdentityToken } from "./identity-token.ts";
import { mintVerifiedVisitor } from "./verified-visitors.ts";

/**
 * Mints a visitor's opaque token. Called cross-origin by the widget on customer sites,
 * so CORS is answered for any origin and the site's own allowlist is enforced here.
 */
export function visitorSessionRoutes(deps: {
  serverOrigin: () => string;
  newSessions: RateLimits["visitorSessions"];
  /** The server's clock: identity tokens expire by it. */
  clock: () => Date;
}): Router {
  const router = Router();

  router.use("/api/widget", (req, res, next) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
    }
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "POST");
      res.setHeader("Access-Control-Allow-Headers", "Content-Type");
      res.setHeader("Access-Control-Max-Age", "600");
      res.status(204).end();
      return;
    }
    next();
  });

  router.post("/api/widget/session", async (req, res) => {
    if (!(await deps.newSessions.perAddress.take(req.ip ?? "unknown"))) {
      throw new AppError("RATE_LIMITED", "Too many new chat sessions from this address; try again shortly");
    }
    const { siteKey, identityToken } = parseInput(VisitorSessionRequest, req.body);
    const site = await cachedSiteByKey(siteKey);
    if (!site) throw new AppError("NOT_FOUND", "Unknown site key");
    const origin = effectiveOrigin(req.headers.origin, deps.serverOrigin());
    if (!isOriginAllowed(site, origin)) {
      throw new AppError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not embed this site's widget`);
    }
    // Counted once the request could mint: refused origins and unknown keys must not spend a site's budget.
    if (!(await deps.newSessions.perSite.take(site._id.toHexString()))) {
      throw new AppError("RATE_LIMITED", "Too many new chat sessions on this site; try again shortly");
    }
    const identity = await identityOf(site, identityToken, deps.clock());
    const visitorToken = identity ? await mintVerifiedVisitor(site._id, identity) : await mintVisitor(site._id);
    res.status(201).json({ visitorToken, verified: identity !== null });
  });

  return router;
}

/**
 * The verified user a session is for, or null for an anonymous one. Where the site requires verified identity a
 * missing or bad token is refused; elsewhere a bad token (expired on a cached page, a wrong secret) leaves the
 * visitor anonymous, as if none had been given, and the answer's `verified: false` tells the widget.
 */
async function identityOf(site: SiteDoc, token: string | undefined, now: Date): Promise<IdentityClaims | null> {
  if (!token) {
    requireVerifiedSession(site, false);
    return null;
  }
  const verdict = verifyIdentityToken(token, await identitySecretOf(site._id, now), now.getTime());
  if (verdict.ok) return verdict.claims;
  if (site.requireVerifiedIdentity) {
    throw new AppError("IDENTITY_INVALID", IDENTITY_REFUSALS[verdict.reason]);
  }
  return null;
}

const IDENTITY_REFUSALS = {
  malformed: "The identity token is not base64url(JSON claims).signature with exactly userId, email, name and exp",
  signature: "The identity token's signature does not match this site's identity secret",
  expired: "The identity token has expired",
  "too-long": "The identity token's exp is more than 24 hours ahead",
} as const;
