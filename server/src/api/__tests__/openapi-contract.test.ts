import { ERROR_CODES } from "@parley/shared";
import type { Router } from "express";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../logging/logger.ts";
import { InflightTracker } from "../../realtime/inflight.ts";
import type { ApiDeps } from "../api-route.ts";
import { apiV1Routes } from "../api-router.ts";
import { API_ROUTES } from "../api-routes.ts";
import { docsPage } from "../docs-page.ts";
import { type JsonObject, openApiDocument } from "../openapi.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The router the server mounts at /api/v1, built the same way; nothing here touches its services. */
function liveRouter(): Router {
  return apiV1Routes({
    ...({} as Omit<ApiDeps, "inflight">),
    inflight: new InflightTracker(() => true),
    limit: { take: async () => true },
    clock: () => new Date(),
    logger: createLogger("silent"),
    serverOrigin: () => "https://parley.example.test",
  });
}

/** "METHOD /path" for every route Express registered, in OpenAPI's path syntax. */
function registered(router: Router): string[] {
  const out: string[] = [];
  for (const layer of router.stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    const path = layer.route.path.replace(/:(\w+)/g, "{$1}");
    for (const [method, on] of Object.entries(layer.route.methods)) if (on) out.push(`${method.toUpperCase()} ${path}`);
  }
  return out.sort();
}

function documented(doc: JsonObject): string[] {
  const paths = doc.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

/**
 * The structure OpenAPI 3.1 requires of what this document uses (no validator package is installed, and none is
 * added for this): the version, info, unique operation ids, path templates whose parameters are all declared as
 * required path parameters (and no others), responses keyed by status codes, and every `$ref` resolving.
 */
function structuralProblems(doc: JsonObject): string[] {
  const problems: string[] = [];
  if (doc.openapi !== "3.1.0") problems.push("openapi must be 3.1.0");
  const info = doc.info as { title?: unknown; version?: unknown } | undefined;
  if (typeof info?.title !== "string" || typeof info.version !== "string")
    problems.push("info needs title and version");
  const ids = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, JsonObject>>)) {
    if (!path.startsWith("/")) problems.push(`${path}: must start with /`);
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [method, op] of Object.entries(ops)) {
      const where = `${method} ${path}`;
      if (!METHODS.includes(method)) problems.push(`${where}: not an HTTP method`);
      const id = op.operationId as string;
      if (typeof id !== "string" || ids.has(id)) problems.push(`${where}: operationId missing or repeated`);
      ids.add(id);
      const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: unknown }[];
      const inPath = params.filter((p) => p.in === "path");
      if (JSON.stringify(inPath.map((p) => p.name).sort()) !== JSON.stringify(templated)) {
        problems.push(`${where}: path parameters do not match the template`);
      }
      for (const p of params) {
        if (!["path", "query", "header", "cookie"].includes(p.in)) problems.push(`${where}: ${p.name} bad "in"`);
        if (p.in === "path" && p.required !== true) problems.push(`${where}: ${p.name} must be required`);
        if (typeof p.schema !== "object") problems.push(`${where}: ${p.name} has no schema`);
      }
      const seen = new Set<string>();
      for (const p of params) {
        if (seen.has(`${p.in}:${p.name}`)) problems.push(`${where}: ${p.name} declared twice`);
        seen.add(`${p.in}:${p.name}`);
      }
      const responses = op.responses as Record<string, { description?: unknown }> | undefined;
      if (!responses || Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
      for (const [status, r] of Object.entries(responses ?? {})) {
        if (!/^[1-5]\d\d$|^default$/.test(status)) problems.push(`${where}: response key ${status}`);
        if (typeof r.description !== "string") problems.push(`${where}: response ${status} needs a description`);
      }
    }
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && !resolves(doc, v)) problems.push(`unresolved $ref ${v}`);
        visit(v);
      }
    }
  };
  visit(doc);
  return problems;
}

function resolves(doc: JsonObject, ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  let node: unknown = doc;
  for (const part of ref.slice(2).split("/")) {
    node = (node as Record<string, unknown> | undefined)?.[part];
    if (node === undefined) return false;
  }
  return true;
}

describe("OpenAPI contract", () => {
  const doc = openApiDocument(API_ROUTES, "https://parley.example.test");

  it("should document exactly the routes the API router registers, both ways", () => {
    const routes = registered(liveRouter());
    expect(routes.length).toBeGreaterThan(API_ROUTES.length);
    expect(documented(doc)).toEqual(routes);
  });

  it("should fail the comparison when a route is registered without being documented", () => {
    const router = liveRouter();
    router.get("/secret-extra", () => {});
    expect(documented(doc)).not.toEqual(registered(router));
  });

  it("should be a structurally valid OpenAPI 3.1 document", () => {
    expect(structuralProblems(doc)).toEqual([]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("should report a broken document", () => {
    const paths = doc.paths as Record<string, Record<string, JsonObject>>;
    const broken = {
      ...doc,
      openapi: "3.0.0",
      paths: {
        ...paths,
        "/tickets/{ticketId}": { get: { operationId: "listTickets", responses: {} } },
        "/x": { get: { operationId: "x", responses: { 200: { description: "" } }, $ref: "#/components/nope" } },
      },
    };
    expect(structuralProblems(broken)).toEqual(
      expect.arrayContaining([
        "openapi must be 3.1.0",
        "get /tickets/{ticketId}: operationId missing or repeated",
        "get /tickets/{ticketId}: path parameters do not match the template",
        "get /tickets/{ticketId}: no responses",
        "unresolved $ref #/components/nope",
      ]),
    );
  });

  it("should take request schemas from the shared zod schemas, strict as they are", () => {
    const paths = doc.paths as Record<string, Record<string, JsonObject>>;
    const reply = paths["/tickets/{ticketId}/replies"]?.post as JsonObject;
    const body = (reply.requestBody as { content: Record<string, { schema: JsonObject }> }).content["application/json"]
      ?.schema;
    expect(body).toMatchObject({ type: "object", additionalProperties: false, required: ["clientMsgId", "body"] });
    expect(Object.keys(body?.properties as object)).not.toContain("internal");
    const list = paths["/tickets"]?.get as { parameters: { name: string; style?: string }[] };
    expect(list.parameters.find((p) => p.name === "status")).toMatchObject({ style: "form" });
    const error = (doc.components as { schemas: { Error: { properties: { code: { enum: string[] } } } } }).schemas;
    expect(error.Error.properties.code.enum).toEqual(expect.arrayContaining(["BAD_REQUEST", "UNAUTHENTICATED"]));
    expect(ERROR_CODES).toEqual(expect.arrayContaining(error.Error.properties.code.enum));
  });

  it("should escape every text of the document on the reference page and carry no script", () => {
    const hostile = openApiDocument(
      [
        {
          ...(API_ROUTES[0] as (typeof API_ROUTES)[number]),
          summary: `<img src=x onerror="alert(1)">`,
          description: "Send `<b>x</b>`",
        },
      ],
      "https://parley.example.test",
    );
    const html = docsPage(hostile);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<code>&lt;b&gt;x&lt;/b&gt;</code>");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toMatch(/<script|<[^>]*\son\w+=/i);
  });
});
