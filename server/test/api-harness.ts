import type { ApiKeyCreatedDto, ApiKeyScopes } from "@parley/shared";
import { ok, type StaffClient } from "./harness.ts";

export const ALL_WRITE: ApiKeyScopes = {
  conversations: "write",
  messages: "write",
  tickets: "write",
  customers: "write",
  offline: "write",
};

/** A key made the way the Admin page makes one: by an admin's socket. */
export async function issueKey(
  admin: { socket: StaffClient },
  scopes: Partial<ApiKeyScopes> = ALL_WRITE,
  opts: { name?: string; agentId?: string } = {},
): Promise<ApiKeyCreatedDto> {
  const none: ApiKeyScopes = {
    conversations: "none",
    messages: "none",
    tickets: "none",
    customers: "none",
    offline: "none",
  };
  return ok(admin.socket, "api-key:create", {
    name: opts.name ?? "test key",
    scopes: { ...none, ...scopes },
    ...(opts.agentId ? { agentId: opts.agentId } : {}),
  });
}

export interface ApiAnswer {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } & Record<string, unknown>;
  text: string;
  headers: Headers;
}

/** One REST API request with a bearer key (or none); `body` is sent as JSON, a string as it is. */
export async function apiCall(
  baseUrl: string,
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: ApiAnswer["body"] = { ok: false };
  try {
    parsed = JSON.parse(text) as ApiAnswer["body"];
  } catch {
    // text/plain answers (the transcript) and HTML (the reference)
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}
