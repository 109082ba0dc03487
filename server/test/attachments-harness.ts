// Uploads and downloads over real HTTP, as the widget (bearer token + site key) and the console (cookie) do.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ATTACHMENT_FILENAME_HEADER,
  ATTACHMENTS_PATH,
  type AttachmentDto,
  type ErrorBody,
  VISITOR_SITE_HEADER,
} from "@parley/shared";
import type { ServerClient } from "./harness.ts";

/** How a request proves who it is: a visitor's token and site, a staff cookie, or nothing. */
export type Credentials =
  | { visitorToken: string; siteKey: string; origin?: string }
  | { cookie: string | null; origin?: string }
  | { origin?: string };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export interface UploadResult {
  status: number;
  headers: Headers;
  body: ApiResult<{ attachment: AttachmentDto }>;
}

export function credentialHeaders(creds: Credentials): Record<string, string> {
  const headers: Record<string, string> = {};
  if (creds.origin) headers.origin = creds.origin;
  if ("visitorToken" in creds) {
    headers.authorization = `Bearer ${creds.visitorToken}`;
    headers[VISITOR_SITE_HEADER] = creds.siteKey;
  } else if ("cookie" in creds && creds.cookie) {
    headers.cookie = creds.cookie;
  }
  return headers;
}

/** POSTs `bytes` as the file `name` to a chat or ticket. */
export async function upload(
  t: ServerClient,
  to: { conversationId: string } | { ticketId: string } | Record<string, string>,
  file: { name: string | null; bytes: Uint8Array | string; contentType?: string },
  creds: Credentials,
): Promise<UploadResult> {
  const res = await fetch(`${t.url}${ATTACHMENTS_PATH}?${new URLSearchParams(to)}`, {
    method: "POST",
    headers: {
      ...credentialHeaders(creds),
      "content-type": file.contentType ?? "application/octet-stream",
      ...(file.name !== null ? { [ATTACHMENT_FILENAME_HEADER]: encodeURIComponent(file.name) } : {}),
    },
    body: typeof file.bytes === "string" ? file.bytes : Buffer.from(file.bytes),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as UploadResult["body"] };
}

/** Uploads and returns the stored attachment, or fails the test with the refusal. */
export async function uploaded(...args: Parameters<typeof upload>): Promise<AttachmentDto> {
  const res = await upload(...args);
  if (!res.body.ok) throw new Error(`upload refused: ${res.status} ${res.body.error.code} ${res.body.error.message}`);
  return res.body.data.attachment;
}

/** GETs an attachment by its DTO url; `bytes` is the body as received. */
export async function download(t: ServerClient, url: string, creds: Credentials) {
  const res = await fetch(`${t.url}${url}`, { headers: credentialHeaders(creds) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes };
}

/** A fresh data directory for one test server (PARLEY_DATA_DIR), removed by the returned function. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "parley-attachments-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `<dataDir>/attachments`, temporary ones included. */
export async function storedFiles(dataDir: string): Promise<string[]> {
  try {
    return await readdir(path.join(dataDir, "attachments"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}

export const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);

/** The start of a Windows executable: "MZ" and a DOS header. */
export const EXE_BYTES = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]);
