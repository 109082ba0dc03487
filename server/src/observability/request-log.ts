import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "../logging/logger.ts";

const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * One log line per API request, with a correlation id: the caller's `X-Request-Id` when it sends a sane one (a
 * balancer's), else a fresh one, echoed in the response so a user's report can be matched to the log. The path is
 * logged without its query string (ids live there, user text never should, but a query is the caller's to fill).
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.headers["x-request-id"];
    const id = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader("X-Request-Id", id);
    if (!req.path.startsWith("/api/")) {
      next();
      return;
    }
    const started = performance.now();
    res.once("finish", () => {
      logger.info(
        {
          event: "http",
          requestId: id,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });
    next();
  };
}
