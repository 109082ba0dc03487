import express, { type Router } from "express";
import { mayRun } from "../agents/staff-command-roles.ts";
import { apiKeyAuth, callerOf, keyAllows } from "../api-keys/api-key-auth.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { Limit } from "../security/rate-limits.ts";
import { apiInput } from "./api-input.ts";
import type { ApiDeps, ApiRoute } from "./api-route.ts";
import { API_ROUTES } from "./api-routes.ts";
import { docsPage } from "./docs-page.ts";
import { META_PATHS, openApiDocument } from "./openapi.ts";

export interface ApiRouterOptions extends ApiDeps {
  limit: Limit;
  clock: () => Date;
  logger: Logger;
  /** The server's public origin, for the document's `servers`. */
  serverOrigin: () => string;
}

/**
 * REST API v1, mounted at /api/v1: the reference (no key needed), then every operation of the route
 * table behind the API key check. For each operation: the key's scope, then the role rule of the staff command it
 * matches (the key acts as its agent), then the input, then the same domain function the socket handler calls.
 */
export function apiV1Routes(opts: ApiRouterOptions): Router {
  const router = express.Router();
  let doc: { json: string; html: string } | undefined;
  const reference = () => {
    if (!doc) {
      const document = openApiDocument(API_ROUTES, opts.serverOrigin());
      doc = { json: JSON.stringify(document), html: docsPage(document) };
    }
    return doc;
  };
  router.get(META_PATHS.document, (_req, res) => {
    res.type("application/json").send(reference().json);
  });
  router.get(META_PATHS.docs, (_req, res) => {
    res.type("text/html").send(reference().html);
  });

  router.use(apiKeyAuth({ limit: opts.limit, clock: opts.clock, logger: opts.logger }));
  for (const route of API_ROUTES) router[route.method](route.path, serve(route, opts));
  router.use((_req, _res, next) => next(new AppError("NOT_FOUND", "No such API route: see /api/v1/docs")));
  return router;
}

function serve(route: ApiRoute, deps: ApiDeps): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const caller = callerOf(res);
      if (!keyAllows(caller.key, route.resource, route.access)) {
        throw new AppError("FORBIDDEN", `This API key may not ${route.access} ${route.resource}`);
      }
      if (!mayRun(route.command, caller.agent.role)) {
        throw new AppError("FORBIDDEN", `The agent this key acts as (${caller.agent.role}) may not do this`);
      }
      const input = apiInput(route, req);
      const data = await deps.inflight.run(() => route.run(input, caller, deps));
      if (route.text)
        res
          .status(route.status ?? 200)
          .type("text/plain")
          .send(data);
      else res.status(route.status ?? 200).json({ ok: true, data });
    } catch (err) {
      next(err);
    }
  };
}
