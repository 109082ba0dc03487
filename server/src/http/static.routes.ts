import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import { CONSOLE_DIST, WIDGET_DIST } from "../config/paths.ts";
import type { Logger } from "../logging/logger.ts";

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
  const headers = (res: express.Response) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    // Loadable from every origin, so a browser must never run one of these as anything but what its type says.
    res.setHeader("X-Content-Type-Options", "nosniff");
  };
  router.get("/widget.js", (_req, res, next) => {
    headers(res);
    res.setHeader("Cache-Control", "public, max-age=300");
    res.sendFile(path.join(dist, "widget.js"), (err) => err && next());
  });
  router.use(
    "/widget",
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        headers(res);
        // Hashed chunks never change; the entry files keep a short cache so releases roll out.
        const hashed = /-[A-Za-z0-9_-]{8,}\.(js|css)$/.test(file);
        res.setHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
      },
    }),
  );
  return router;
}

export function consoleRoutes(logger: Logger): Router {
  const router = Router();
  const index = path.join(CONSOLE_DIST, "index.html");
  if (!existsSync(index)) logger.warn({ event: "console_missing" }, "console is not built: run `npm run build`");
  router.use("/console", express.static(CONSOLE_DIST, { index: false }));
  // Client-side routes all render the same document.
  router.get(["/console", "/console/{*rest}"], (_req, res, next) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index, (err) => err && next());
  });
  return router;
}
