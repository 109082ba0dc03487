import { VisitorSessionRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import { effectiveOrigin, isOriginAllowed } from "../sites/origin-policy.ts";
import { cachedSiteByKey } from "../sites/site-cache.ts";
import { mintVisitor } from "./visitor-auth.ts";

/**
 * Mints a visitor's opaque token. Called cross-origin by the widget on customer sites,
 * so CORS is answered for any origin and the site's own allowlist is enforced here.
 */
export function visitorSessionRoutes(deps: {
  serverOrigin: () => string;
  newSessions: RateLimits["visitorSessions"];
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
    const { siteKey } = parseInput(VisitorSessionRequest, req.body);
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
    res.status(201).json({ visitorToken: await mintVisitor(site._id) });
  });

  return router;
}
