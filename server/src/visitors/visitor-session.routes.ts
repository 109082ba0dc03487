import { VisitorSessionRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { TokenBuckets } from "../security/token-buckets.ts";
import { effectiveOrigin, isOriginAllowed } from "../sites/origin-policy.ts";
import { Site } from "../sites/site.model.ts";
import { Visitor } from "./visitor.model.ts";

/**
 * New visitor sessions per client address: generous (an office or a mobile carrier puts many visitors
 * behind one address), but a loop minting sessions to fill the database is cut off.
 */
const newSessions = new TokenBuckets({ capacity: 200, perSecond: 5 });

/**
 * Mints a visitor's opaque token. Called cross-origin by the widget on customer sites,
 * so CORS is answered for any origin and the site's own allowlist is enforced here.
 */
export function visitorSessionRoutes(deps: { serverOrigin: () => string }): Router {
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
    if (!newSessions.take(req.ip ?? "unknown")) {
      throw new AppError("RATE_LIMITED", "Too many new chat sessions from this address; try again shortly");
    }
    const { siteKey } = parseInput(VisitorSessionRequest, req.body);
    const site = await Site.findOne({ key: siteKey }).lean();
    if (!site) throw new AppError("NOT_FOUND", "Unknown site key");
    const origin = effectiveOrigin(req.headers.origin, deps.serverOrigin());
    if (!isOriginAllowed(site, origin)) {
      throw new AppError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not embed this site's widget`);
    }
    const token = mintToken();
    await Visitor.create({ site: site._id, tokenHash: hashToken(token) });
    res.status(201).json({ visitorToken: token });
  });

  return router;
}
