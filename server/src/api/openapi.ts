import { API_RESOURCES, ERROR_CODES } from "@parley/shared";
import { z } from "zod";
import { STAFF_COMMAND_ROLES } from "../agents/staff-command-roles.ts";
import { AppError } from "../errors/app-error.ts";
import { type ApiRoute, openApiPath, pathParams } from "./api-route.ts";

export type JsonObject = Record<string, unknown>;

/** The paths that describe the API itself; they need no key. */
export const META_PATHS = { document: "/openapi.json", docs: "/docs" } as const;

const API_VERSION = "1.0.0";

/** The codes a REST API answer can carry (the widget's and the sign-in's own codes never come from it). */
const API_ERROR_CODES = ERROR_CODES.filter(
  (code) =>
    ![
      "ORIGIN_NOT_ALLOWED",
      "IDENTITY_REQUIRED",
      "IDENTITY_INVALID",
      "SUPPORT_OFFLINE",
      "UNSUPPORTED_MEDIA_TYPE",
    ].includes(code),
);

/**
 * The OpenAPI 3.1 document of REST API v1, made from the route table and the shared zod schemas the routes parse
 * with (`z.toJSONSchema`, JSON Schema 2020-12, which is OpenAPI 3.1's schema dialect). Answers are described by
 * their envelope and a note: the DTOs are TypeScript types, not schemas.
 */
export function openApiDocument(routes: readonly ApiRoute[], serverUrl: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operation(route);
  }
  paths[META_PATHS.document] = {
    get: meta("getOpenApiDocument", "This document", "application/json", { type: "object" }),
  };
  paths[META_PATHS.docs] = {
    get: meta("getApiReference", "A readable reference made from this document", "text/html", { type: "string" }),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley REST API",
      version: API_VERSION,
      description:
        "Conversations, messages, tickets, customers and offline requests of one site, for scripts and integrations. " +
        "Authenticate with an API key made on the console's Admin page: `Authorization: Bearer prk_…`. A key acts as " +
        "the agent it names, within the scopes it was given. Success: `{ok: true, data}`; failure: " +
        "`{ok: false, error: {code, message, issues?}}` with the same codes as the console's socket commands.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    tags: API_RESOURCES.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key from the Admin page (prk_…)" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            code: { type: "string", enum: API_ERROR_CODES },
            message: { type: "string" },
            issues: {
              type: "array",
              items: {
                type: "object",
                required: ["path", "message"],
                properties: { path: { type: "string" }, message: { type: "string" } },
              },
            },
          },
        },
        ErrorResponse: {
          type: "object",
          required: ["ok", "error"],
          properties: { ok: { const: false }, error: { $ref: "#/components/schemas/Error" } },
        },
      },
    },
  };
}

function operation(route: ApiRoute): JsonObject {
  const input = jsonSchema(route.input);
  const inputProps = (input.properties ?? {}) as Record<string, JsonObject>;
  const parameters: JsonObject[] = pathParams(route.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: inputProps[route.paramAs?.[name] ?? name] ?? { type: "string" },
  }));
  if (route.query) {
    const query = jsonSchema(route.query);
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonObject>)) {
      const list = schema.type === "array";
      parameters.push({
        name,
        in: "query",
        required: required.has(name) && route.defaults?.[name] === undefined,
        schema,
        ...(list ? { style: "form", explode: false } : {}),
      });
    }
  }
  const status = String(route.status ?? 200);
  const success = route.text
    ? { "text/plain": { schema: { type: "string" } } }
    : {
        "application/json": {
          schema: {
            type: "object",
            required: ["ok", "data"],
            properties: { ok: { const: true }, data: { type: "object", description: route.returns } },
          },
        },
      };
  const errors = [400, 401, 403, 429, 503, ...(parameters.some((p) => p.in === "path") ? [404] : [])];
  if (route.access === "write") errors.push(409, 413);
  errors.sort();
  const roles = STAFF_COMMAND_ROLES[route.command].join(", ");
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [
      route.description,
      `Needs scope \`${route.resource}:${route.access}\`; the key's agent must be: ${roles}.`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    tags: [route.resource],
    "x-parley-scope": `${route.resource}:${route.access}`,
    "x-parley-roles": STAFF_COMMAND_ROLES[route.command],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } } }
      : {}),
    responses: {
      [status]: { description: route.returns, content: success },
      ...Object.fromEntries(errors.map((s) => [String(s), errorResponse(s)])),
    },
  };
}

function meta(operationId: string, summary: string, type: string, schema: JsonObject): JsonObject {
  return {
    operationId,
    summary,
    tags: ["reference"],
    security: [],
    responses: { 200: { description: summary, content: { [type]: { schema } } } },
  };
}

function errorResponse(status: number): JsonObject {
  const codes = API_ERROR_CODES.filter((code) => new AppError(code, "").httpStatus === status);
  return {
    description: `Error: ${codes.join(", ")}`,
    content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } },
  };
}

/** The schema of what a client sends (input side of transforms), without the top-level `$schema`. */
function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonObject;
  return rest;
}
