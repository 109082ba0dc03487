import type { AttachmentDto } from "@parley/shared";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "@parley/shared/constants";
import { newRowKey } from "./rows.ts";

/**
 * One file picked in a composer: uploaded at once (to the chat or the ticket), then sent by id with the
 * message. Listed by name with its state so a refused file says why.
 */
export interface Upload {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly status: "uploading" | "done" | "failed";
  readonly error: string | null;
  readonly attachment: AttachmentDto | null;
}

export type Uploads = readonly Upload[];

/** Files just picked, each starting its upload. */
export function uploadsStarted(uploads: Uploads, files: readonly { name: string; size: number }[]): Upload[] {
  const added = files.map((f) => ({
    key: newRowKey(),
    name: f.name,
    size: f.size,
    status: "uploading" as const,
    error: null,
    attachment: null,
  }));
  return [...uploads, ...added];
}

export function uploadDone(uploads: Uploads, key: string, attachment: AttachmentDto): Upload[] {
  return uploads.map((u) => (u.key === key ? { ...u, status: "done", error: null, attachment } : u));
}

export function uploadFailed(uploads: Uploads, key: string, message: string): Upload[] {
  return uploads.map((u) => (u.key === key ? { ...u, status: "failed", error: message } : u));
}

export function uploadRemoved(uploads: Uploads, key: string): Upload[] {
  return uploads.filter((u) => u.key !== key);
}

/** The ids to send with the message: uploaded files only. */
export function attachmentIdsOf(uploads: Uploads): string[] {
  return uploads.flatMap((u) => (u.status === "done" && u.attachment ? [u.attachment.id] : []));
}

/**
 * Why the message cannot go yet, or null. A failed upload blocks the send until it is removed, so nobody
 * sends "see the attached log" without the log.
 */
export function uploadsBlocker(uploads: Uploads): string | null {
  if (uploads.some((u) => u.status === "uploading")) return "Wait for the files to finish uploading.";
  const failed = uploads.filter((u) => u.status === "failed");
  if (failed.length > 0) return `Remove the file that could not be uploaded: ${failed.map((u) => u.name).join(", ")}.`;
  if (uploads.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    return `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message; remove ${uploads.length - MAX_ATTACHMENTS_PER_MESSAGE}.`;
  }
  return null;
}

/** The message text: what was typed, or, when only files go, their names (a message is never empty). */
export function bodyWithFiles(text: string, uploads: Uploads): string {
  const typed = text.trim();
  if (typed) return typed;
  return uploads
    .filter((u) => u.status === "done")
    .map((u) => u.name)
    .join(", ");
}
