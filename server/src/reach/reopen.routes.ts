import { VisitorReopenRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import { effectiveOrigin, isOriginAllowed } from "../sites/origin-policy.ts";
import { cachedSiteByKey } from "../sites/site-cache.ts";
import { VisitorToken } from "../visitors/visitor-token.model.ts";
import { ReopenLink, type ReopenLinkDoc } from "./reopen-link.model.ts";

/**
 * Follows a "reply while you were away" link: the widget on the linked page sends the `#parley=` token
 * and gets a visitor token for the visitor the chat belongs to, plus the chat to show. A fresh visitor token is
 * minted (only hashes are stored, so the visitor's own cannot be given back); the link stays usable until it
 * expires, as an email is often opened more than once. CORS for /api/widget is answered by the session routes.
 */
export function reopenRoutes(deps: {
  serverOrigin: () => string;
  limit: RateLimits["visitorSessions"];
  clock: () => Date;
}): Router {
  const router = Router();
  router.post("/api/widget/reopen", async (req, res) => {
    if (!(await deps.limit.perAddress.take(req.ip ?? "unknown"))) {
      throw new AppError("RATE_LIMITED", "Too many requests from this address; try again shortly");
    }
    const { siteKey, reopenToken } = parseInput(VisitorReopenRequest, req.body);
    const site = await cachedSiteByKey(siteKey);
    if (!site) throw new AppError("NOT_FOUND", "Unknown site key");
    const origin = effectiveOrigin(req.headers.origin, deps.serverOrigin());
    if (!isOriginAllowed(site, origin)) {
      throw new AppError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not embed this site's widget`);
    }
    const link = await ReopenLink.findById(hashToken(reopenToken)).lean<ReopenLinkDoc>();
    // Unknown, another site's, or expired: one answer, so a guess learns nothing about which.
    if (!link?.site.equals(site._id) || link.expiresAt.getTime() <= deps.clock().getTime()) {
      throw new AppError("NOT_FOUND", "This link has expired or is not valid");
    }
    const token = mintToken();
    await VisitorToken.create({ _id: hashToken(token), visitor: link.visitor, site: link.site });
    res.status(201).json({ visitorToken: token, conversationId: link.conversation.toHexString() });
  });
  return router;
}
