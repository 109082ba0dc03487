import { Router } from "express";
import { databaseState } from "../db/connection.ts";

export function healthRoutes(): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    const db = databaseState();
    res.status(db === "connected" ? 200 : 503).json({ status: db === "connected" ? "ok" : "degraded", db });
  });
  return router;
}
