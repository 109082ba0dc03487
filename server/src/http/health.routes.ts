import { Router } from "express";
import type { RedisLink } from "../cluster/redis-link.ts";
import { databaseReachable, databaseState } from "../db/connection.ts";
import type { InflightTracker } from "../realtime/inflight.ts";

/**
 * `/healthz` is liveness: 200 while the process answers, so an orchestrator restarts it only when it hangs (not
 * for a database outage, which a restart would not fix). The body says what the node sees: status "degraded"
 * when the database or Redis is away. Whether to send it traffic is `/readyz`.
 */
export function healthRoutes(redis: RedisLink | undefined): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    // The driver may still call itself connected while no server answers its heartbeats.
    const db = databaseState() === "connected" && !databaseReachable() ? "unreachable" : databaseState();
    const redisState = redis ? redis.state() : "off";
    const downSince = redis?.downSince();
    const ok = db === "connected" && redisState !== "down";
    res.status(200).json({
      status: ok ? "ok" : "degraded",
      db,
      redis: redisState,
      ...(downSince ? { redisDownSince: downSince.toISOString() } : {}),
    });
  });
  return router;
}

/**
 * `/readyz`: send this node traffic. 200 when its database is reachable and it is not shutting down; 503 with the
 * reason otherwise. A lost Redis leaves a node ready: it still serves its own clients, and every node shares that
 * Redis, so a balancer taking them all out would stop the service.
 */
export function readinessRoutes(inflight: InflightTracker): Router {
  const router = Router();
  router.get("/readyz", (_req, res) => {
    const refusal = inflight.refusal();
    res.status(refusal ? 503 : 200).json(refusal ? { ready: false, reason: refusal } : { ready: true });
  });
  return router;
}
