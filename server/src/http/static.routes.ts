import { existsSync } from "node:fs";
import path from "node:path";
import type express from "express";
import { Router } from "express";
import { CONSOLE_DIST, WIDGET_DIST } from "../config/paths.ts";
import type { Logger } from "../logging/logger.ts";
import { precompressedStatic, sendPrecompressed } from "./precompressed-static.ts";

/**
 * Hashed file names (`name-HASH.js`, written by Vite) never change content, so browsers keep them a year
 * without asking; the build keeps the previous builds' chunks (scripts/assets/keep-chunks.mjs), so an old
 * page still finds them after a deploy.
 */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css|mjs)$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";
/**
 * The widget's unhashed entries (`widget.js`, `app.js`): customer pages load them on every visit, so a short
 * cache spares those requests; a release reaches every visitor within 5 minutes, and after that the
 * ETag/Last-Modified revalidation answers 304 while nothing changed.
 */
export const WIDGET_ENTRY_CACHE = "public, max-age=300";
/** The console's unhashed files (index.html, favicon): revalidated on every load, so a release shows at once. */
export const CONSOLE_ENTRY_CACHE = "no-cache";

/**
 * The widget is loaded by customer pages on other origins, including as an ES module
 * (the lazy chunk), so its files carry CORS and cross-origin resource headers. They are served before
 * helmet, so `nosniff` is set here too. `dist` is the built widget (tests pass a directory of their own).
 */
export function widgetRoutes(logger: Logger, dist = WIDGET_DIST): Router {
  const router = Router();
  if (!existsSync(path.join(dist, "widget.js"))) {
    logger.warn({ event: "widget_missing" }, "widget is not built: run `npm run build`");
  }
  const options = {
    headers: (res: express.Response) => {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
      // Loadable from every origin, so a browser must never run one of these as anything but what its type says.
      res.setHeader("X-Content-Type-Options", "nosniff");
    },
    cacheControl: (name: string) => (HASHED.test(name) ? IMMUTABLE : WIDGET_ENTRY_CACHE),
  };
  const loader = path.join(dist, "widget.js");
  router.get("/widget.js", (req, res, next) => {
    if (!existsSync(loader)) return next();
    sendPrecompressed(req, res, next, loader, options);
  });
  router.use("/widget", precompressedStatic(dist, options));
  return router;
}

/** `dist` is the built console (tests pass a directory of their own). */
export function consoleRoutes(logger: Logger, dist = CONSOLE_DIST): Router {
  const router = Router();
  const index = path.join(dist, "index.html");
  if (!existsSync(index)) logger.warn({ event: "console_missing" }, "console is not built: run `npm run build`");
  const options = { cacheControl: (name: string) => (HASHED.test(name) ? IMMUTABLE : CONSOLE_ENTRY_CACHE) };
  router.use("/console", precompressedStatic(dist, options));
  // A missing build file is a 404, not the page: a script tag given HTML fails in a confusing way.
  router.get("/console/assets/{*rest}", (_req, res) => {
    res.status(404).type("text/plain").send("Not found");
  });
  // Client-side routes all render the same document.
  router.get(["/console", "/console/{*rest}"], (req, res, next) => {
    if (!existsSync(index)) return next();
    sendPrecompressed(req, res, next, index, options);
  });
  return router;
}
