import { timingSafeEqual } from "node:crypto";
import { Router } from "express";
import type { Metrics } from "./metrics.ts";

/**
 * `GET /metrics` for Prometheus, only to requests bearing METRICS_TOKEN (`Authorization: Bearer …`): the figures
 * say how busy a support team is, which is nobody else's business. Without a token configured it is off (404).
 */
export function metricsRoutes(metrics: Metrics, token: string | undefined): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    if (!token) {
      res.status(404).end();
      return;
    }
    const given = Buffer.from(req.headers.authorization ?? "");
    const wanted = Buffer.from(`Bearer ${token}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      res.status(401).set("WWW-Authenticate", "Bearer").end();
      return;
    }
    res.set("Content-Type", metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
