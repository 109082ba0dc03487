import type { AgentClientToServerEvents, ApiResource } from "@parley/shared";
import type { z } from "zod";
import type { ApiCaller } from "../api-keys/api-key-auth.ts";
import type { ConversationLifecycle } from "../conversations/conversation-lifecycle.ts";
import type { InflightTracker } from "../realtime/inflight.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";

/** What the routes need of the server: the same domain services the staff socket's handlers use. */
export interface ApiDeps {
  lifecycle: ConversationLifecycle;
  desk: TicketDesk;
  staff: StaffNamespace;
  /** API writes count as in flight, so a graceful stop lets them finish. */
  inflight: InflightTracker;
}

/**
 * One REST API v1 operation, declared once: the router serves it and the OpenAPI document describes it from this
 * (api-router.ts, openapi.ts). The request (path parameters, query and body together, plus `fixed`) is parsed by
 * `input`, the schema of the staff socket event that does the same, after each part is parsed by its own schema.
 */
export interface ApiRoute<I extends z.ZodType = z.ZodType> {
  method: "get" | "post" | "put";
  /** Express syntax, relative to /api/v1: "/tickets/:ticketId". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The key's scope this needs. */
  resource: ApiResource;
  access: "read" | "write";
  /** The staff command whose role rule applies to the key's agent (staff-command-roles.ts). */
  command: keyof AgentClientToServerEvents;
  input: I;
  /** The input field a path parameter fills, when it is not the parameter's own name. */
  paramAs?: Record<string, string>;
  /** A strict object schema for the query string (absent: the route takes no query). */
  query?: z.ZodObject;
  /** The JSON body's schema (absent: the route takes no body). */
  body?: z.ZodType;
  /** Input used where the request gives none. */
  defaults?: Record<string, unknown>;
  /** Input the route itself sets (a note is a reply with `internal: true`). */
  fixed?: Record<string, unknown>;
  status?: 200 | 201;
  /** Answers text/plain instead of `{ok:true,data}`. */
  text?: boolean;
  /** What `data` holds, for the reference (the DTOs are TypeScript types, not schemas). */
  returns: string;
  run(input: z.output<I>, caller: ApiCaller, deps: ApiDeps): Promise<unknown>;
}

/** Keeps each route's `run` typed by its own input schema, then erases it for the table. */
export const apiRoute = <I extends z.ZodType>(route: ApiRoute<I>): ApiRoute => route as unknown as ApiRoute;

/** ":ticketId" segments, in order. */
export const pathParams = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

/** Express's "/tickets/:ticketId" as OpenAPI's "/tickets/{ticketId}". */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, "{$1}");
