import type { AttachmentDto } from "@parley/shared";
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_FILENAME_HEADER,
  ATTACHMENTS_PATH,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  VISITOR_SITE_HEADER,
} from "@parley/shared/constants";
import { isErrorCode } from "@parley/shared/errors";
import { text } from "./i18n/language.ts";

/** Where an upload belongs: the chat on screen, or one of the visitor's tickets. */
export type UploadTarget = { conversationId: string } | { ticketId: string };

/** `problem` is a whole sentence for the visitor, naming the file. */
export type UploadResult = { ok: true; attachment: AttachmentDto } | { ok: false; problem: string };

/** What a message or reply carries of an uploaded file until the server's copy comes back. */
export interface AttachmentRef {
  id: string;
  name: string;
}

type Fetch = typeof fetch;

/**
 * Uploads and downloads files with the visitor's credentials: the bearer token and the site key in
 * headers, never cookies (the widget runs on the customer's origin). See ATTACHMENTS_PATH for the API.
 */
export class AttachmentClient {
  constructor(
    private readonly serverUrl: string,
    private readonly siteKey: string,
    private readonly token: () => string | null,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** Uploading is its own chunk (upload.ts): most chats never attach a file. */
  async upload(target: UploadTarget, file: File): Promise<UploadResult> {
    try {
      const { uploadFile } = await import("./upload.ts");
      return await uploadFile(
        `${this.serverUrl}${ATTACHMENTS_PATH}`,
        ATTACHMENT_FILENAME_HEADER,
        DEFAULT_ATTACHMENT_MAX_BYTES,
        this.headers(),
        this.fetchImpl,
        target,
        file,
        (status, body) => attachProblem(file.name, status, body, target),
      );
    } catch {
      return { ok: false, problem: attachProblem(file.name, null, null, target) };
    }
  }

  /** Fetches the file and hands it to the browser as a download; resolves with a problem sentence, or null. */
  async download(attachment: AttachmentDto): Promise<string | null> {
    const got = await this.fetchFile(attachment);
    if (typeof got === "string") return got;
    saveBlob(got, attachment.name);
    return null;
  }

  /** The file's bytes with the visitor's credentials (an <img src> could not send them), or a problem sentence. */
  async fetchFile(attachment: AttachmentDto): Promise<Blob | string> {
    try {
      const response = await this.fetchImpl(`${this.serverUrl}${attachment.url}`, {
        headers: this.headers(),
        credentials: "omit",
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        return text().cannotDownload(attachment.name, reasonFor(response.status, body, "file"));
      }
      return await response.blob();
    } catch {
      return text().cannotDownload(attachment.name, text().errors.connectionFailed);
    }
  }

  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token() ?? ""}`, [VISITOR_SITE_HEADER]: this.siteKey };
  }
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.click();
  // Revoked a little later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Why an upload of `name` failed, as a sentence. `status` is null when no answer came at all. */
export function attachProblem(name: string, status: number | null, body: unknown, target: UploadTarget): string {
  return text().cannotAttach(name, reasonFor(status, body, "ticketId" in target ? "ticket" : "chat", name));
}

function reasonFor(
  status: number | null,
  body: unknown,
  place: "chat" | "ticket" | "file",
  name: string | null = null,
): string {
  const t = text().errors;
  if (status === null) return t.connectionFailed;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : null;
  if (code === "PAYLOAD_TOO_LARGE" || status === 413) return t.fileTooLarge;
  if (code === "UNSUPPORTED_MEDIA_TYPE" || status === 415) {
    // The server checks the content: a name with an accepted extension was refused for what it holds.
    return name !== null && hasAcceptedExtension(name) ? t.contentMismatch : t.typeNotAccepted;
  }
  if (code === "RATE_LIMITED" || status === 429) return t.tooManyUploads;
  if (code === "CONVERSATION_CLOSED") return t.chatEnded;
  if (code === "NOT_FOUND" || status === 404) {
    return place === "file" ? t.fileGone : place === "ticket" ? t.ticketGone : t.chatGone;
  }
  if (code === "UNAUTHENTICATED" || code === "FORBIDDEN" || status === 401 || status === 403) {
    return t.signedOut;
  }
  if (code === "BAD_REQUEST" && typeof error?.message === "string" && error.message) return error.message;
  return t.somethingWrongRetry;
}

/** Whether the name ends in one of ATTACHMENT_ACCEPT's extensions (what the file picker offers). */
export function hasAcceptedExtension(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && ATTACHMENT_ACCEPT.split(",").includes(name.slice(dot).toLowerCase());
}

/**
 * Splits newly picked files into those that fit the per-message limit after the `already` attached, and a
 * sentence about the rest.
 */
export function admitFiles<F extends { name: string }>(
  already: number,
  files: readonly F[],
): { accepted: F[]; problem: string | null } {
  const room = Math.max(0, MAX_ATTACHMENTS_PER_MESSAGE - already);
  const accepted = files.slice(0, room);
  const left = files.slice(room);
  if (left.length === 0) return { accepted, problem: null };
  return {
    accepted,
    problem: text().tooManyFiles(left.map((f) => f.name).join(", "), MAX_ATTACHMENTS_PER_MESSAGE),
  };
}

/** A message needs a body: what was typed, or else the names of the files it carries. */
export function bodyWithFiles(text: string, files: readonly { name: string }[]): string {
  return text.trim() || files.map((f) => f.name).join(", ");
}

/** "532 B", "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
