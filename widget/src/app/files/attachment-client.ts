import type { AttachmentDto } from "@parley/shared";
import { isErrorCode } from "@parley/shared/errors";
import type { FileAccess, FileRules, UploadResult, UploadTarget } from "../attachments.ts";
import { filesText } from "../i18n/files.ts";
import { text } from "../i18n/language.ts";
import { uploadFile } from "./upload.ts";

type Fetch = typeof fetch;

/**
 * The files chunk (loaded on the first file picked, dropped or shown: most chats have none).
 * Uploads and downloads files with the visitor's credentials: the bearer token and the site key in
 * headers, never cookies (the widget runs on the customer's origin). See FILE_RULES.path for the API.
 */
export class AttachmentClient {
  private readonly rules: FileRules;

  constructor(
    private readonly access: FileAccess,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {
    this.rules = access.rules;
  }

  async upload(target: UploadTarget, file: File): Promise<UploadResult> {
    try {
      return await uploadFile(
        `${this.access.serverUrl}${this.rules.path}`,
        this.rules.filenameHeader,
        this.rules.maxBytes,
        this.headers(),
        this.fetchImpl,
        target,
        file,
        (status, body) => attachProblem(file.name, status, body, target, this.rules.accept),
      );
    } catch {
      return { ok: false, problem: attachProblem(file.name, null, null, target, this.rules.accept) };
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
      const response = await this.fetchImpl(`${this.access.serverUrl}${attachment.url}`, {
        headers: this.headers(),
        credentials: "omit",
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        return filesText().cannotDownload(attachment.name, reasonFor(response.status, body, "file"));
      }
      return await response.blob();
    } catch {
      return filesText().cannotDownload(attachment.name, text().errors.connectionFailed);
    }
  }

  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.access.token() ?? ""}`, [this.rules.siteHeader]: this.access.siteKey };
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

/**
 * Why an upload of `name` failed, as a sentence. `status` is null when no answer came at all; `accept` is the file
 * picker's list of extensions (FILE_RULES.accept).
 */
export function attachProblem(
  name: string,
  status: number | null,
  body: unknown,
  target: UploadTarget,
  accept: string,
): string {
  const place = "ticketId" in target ? "ticket" : "chat";
  return text().cannotAttach(name, reasonFor(status, body, place, { name, accept }));
}

function reasonFor(
  status: number | null,
  body: unknown,
  place: "chat" | "ticket" | "file",
  upload: { name: string; accept: string } | null = null,
): string {
  const t = { ...text().errors, ...filesText().errors };
  if (status === null) return t.connectionFailed;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : null;
  if (code === "PAYLOAD_TOO_LARGE" || status === 413) return t.fileTooLarge;
  if (code === "UNSUPPORTED_MEDIA_TYPE" || status === 415) {
    // The server checks the content: a name with an accepted extension was refused for what it holds.
    return upload && hasAcceptedExtension(upload.name, upload.accept) ? t.contentMismatch : t.typeNotAccepted;
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

/** Whether the name ends in one of `accept`'s extensions (ATTACHMENT_ACCEPT: what the file picker offers). */
export function hasAcceptedExtension(name: string, accept: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && accept.split(",").includes(name.slice(dot).toLowerCase());
}

/**
 * Splits newly picked files into those that fit the per-message limit (`perMessage`) after the `already` attached,
 * and a sentence about the rest.
 */
export function admitFiles<F extends { name: string }>(
  already: number,
  files: readonly F[],
  perMessage: number,
): { accepted: F[]; problem: string | null } {
  const room = Math.max(0, perMessage - already);
  const accepted = files.slice(0, room);
  const left = files.slice(room);
  if (left.length === 0) return { accepted, problem: null };
  return {
    accepted,
    problem: filesText().tooManyFiles(left.map((f) => f.name).join(", "), perMessage),
  };
}

/** "532 B", "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
