import { EmptyInput } from "@parley/shared";
import type { Request } from "express";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import { type ApiRoute, pathParams } from "./api-route.ts";

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema> };

/**
 * A request's input, parsed as a socket event's payload is: each part by its own strict schema (so a body field
 * that belongs in the path, or an unknown query parameter, is refused), then all together by the route's shared
 * schema. Nothing the caller sends reaches a query unparsed, and an operator object (`{"$ne": …}`) is never a
 * string or a number.
 */
export function apiInput(route: ApiRoute, req: Request): unknown {
  const query = parseInput(route.query ?? EmptyInput, queryObject(route.query, req.query)) as Record<string, unknown>;
  const body = route.body ? (parseInput(route.body, req.body) as Record<string, unknown>) : noBody(req.body);
  const params: Record<string, unknown> = {};
  for (const name of pathParams(route.path)) params[route.paramAs?.[name] ?? name] = req.params[name];
  return parseInput(route.input, { ...route.defaults, ...query, ...body, ...params, ...route.fixed });
}

function noBody(body: unknown): Record<string, never> {
  const empty = body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0);
  if (!empty) throw new AppError("BAD_REQUEST", "This request takes no body");
  return {};
}

const shapes = new WeakMap<z.ZodType, JsonSchema>();

/**
 * The query string as the schema's types: a query string only carries text, so numbers, booleans and lists are
 * read by what the schema's JSON Schema says each parameter is. A list is comma-separated or repeated; any other
 * parameter given twice is refused. Values stay strings when they do not look like the type: the schema refuses them.
 */
export function queryObject(schema: z.ZodObject | undefined, raw: Request["query"]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = schema ? (jsonOf(schema).properties ?? {}) : {};
  for (const [name, value] of Object.entries(raw)) {
    const types = typesOf(props[name]);
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v): v is string => typeof v === "string")) {
      throw new AppError("BAD_REQUEST", `${name}: must be plain text`);
    }
    if (types.has("array")) {
      out[name] = values.flatMap((v) => v.split(",")).filter((v) => v !== "");
      continue;
    }
    if (values.length !== 1) throw new AppError("BAD_REQUEST", `${name}: given more than once`);
    const [text] = values as [string];
    if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(text)) out[name] = Number(text);
    else if (types.has("boolean") && (text === "true" || text === "false")) out[name] = text === "true";
    else out[name] = text;
  }
  return out;
}

function jsonOf(schema: z.ZodObject): JsonSchema {
  let json = shapes.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    shapes.set(schema, json);
  }
  return json;
}

function typesOf(s: JsonSchema | undefined): Set<string> {
  const types = new Set<string>();
  if (!s) return types;
  for (const t of [s.type ?? []].flat()) types.add(t);
  for (const branch of s.anyOf ?? []) for (const t of typesOf(branch)) types.add(t);
  return types;
}
