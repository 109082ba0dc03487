import { Router } from "express";
import type { RedisLink } from "../cluster/redis-link.ts";
import { databaseState } from "../db/connection.ts";

/**
 * Without its database a node can serve nothing: 503, so a load balancer takes it out. Without Redis it still
 * serves its own clients (live delivery between nodes pauses, and clients catch up by resync once Redis is back):
 * 200 with status "degraded", since every node shares the same Redis and taking them all out would stop the service.
 */
export function healthRoutes(redis: RedisLink | undefined): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    const db = databaseState();
    const redisState = redis ? redis.state() : "off";
    const downSince = redis?.downSince();
    const ok = db === "connected" && redisState !== "down";
    res.status(db === "connected" ? 200 : 503).json({
      status: ok ? "ok" : "degraded",
      db,
      redis: redisState,
      ...(downSince ? { redisDownSince: downSince.toISOString() } : {}),
    });
  });
  return router;
}
