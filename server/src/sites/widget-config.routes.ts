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
 * `GET /api/widget/config/:siteKey`: the theme the loader draws the launcher with, and whether a
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
    const body = JSON.stringify(toWidgetConfigDto(site, acceptedLanguages(req.headers["accept-language"])));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    res.setHeader("Cache-Control", WIDGET_CONFIG_CACHE);
    // The default launcher label is in the visitor's language.
    res.setHeader("Vary", "Accept-Language");
    res.setHeader("ETag", etag);
    if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
      res.status(304).end();
      return;
    }
    res.type("application/json").send(body);
  });
  return router;
}

/** An Accept-Language header's tags, most wanted first ("fr-CA,fr;q=0.9,en;q=0.8" → fr-CA, fr, en). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((l) => l.tag);
}
