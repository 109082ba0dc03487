import { createHash } from "node:crypto";
import { WidgetConfigRequest } from "@parley/shared";
import { Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { cachedSiteByKey } from "./site-cache.ts";
import { toWidgetConfigDto } from "./widget-settings.ts";

/**
 * Browsers keep a site's widget config a minute, so a visitor going from page to page does not ask again, and an
 * admin's change reaches visitors within that minute; after it, the ETag makes the question a 304.
 */
export const WIDGET_CONFIG_CACHE = "public, max-age=60";

/**
 * `GET /api/widget/config/:siteKey` (issue 14): the theme the loader draws the launcher with, and whether a
 * greeting applies. Read on every page view of every customer site, so it comes from the site cache. Public, as
 * the site key is: anyone can see a widget's colours, so it answers any origin without the embedding check
 * (CORS for /api/widget is answered by visitorSessionRoutes).
 */
export function widgetConfigRoutes(): Router {
  const router = Router();
  router.get("/api/widget/config/:siteKey", async (req, res) => {
    const { siteKey } = parseInput(WidgetConfigRequest, { siteKey: req.params.siteKey });
    const site = await cachedSiteByKey(siteKey);
    if (!site) {
      // Not cached: a site created a moment later must not stay unknown to the browser that asked.
      res.setHeader("Cache-Control", "no-store");
      throw new AppError("NOT_FOUND", "Unknown site key");
    }
    const body = JSON.stringify(toWidgetConfigDto(site));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    res.setHeader("Cache-Control", WIDGET_CONFIG_CACHE);
    res.setHeader("ETag", etag);
    if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
      res.status(304).end();
      return;
    }
    res.type("application/json").send(body);
  });
  return router;
}
