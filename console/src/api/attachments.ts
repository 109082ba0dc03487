import type { AttachmentDto } from "@parley/shared";
import { ATTACHMENT_FILENAME_HEADER, ATTACHMENTS_PATH } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import { isErrorCode } from "@parley/shared/errors";

/** Where a file goes: the chat or the ticket it will be sent on. */
export type UploadTarget = { conversationId: string } | { ticketId: string };

export type UploadResult = { ok: true; attachment: AttachmentDto } | { ok: false; error: ErrorBody };

const NETWORK_ERROR: ErrorBody = {
  code: "UNAVAILABLE",
  message: "Cannot reach the Parley server. Check your connection and attach the file again.",
};

const STATUS_MESSAGES: Record<number, ErrorBody> = {
  413: { code: "PAYLOAD_TOO_LARGE", message: "The file is too large." },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", message: "This kind of file cannot be attached." },
};

export function uploadUrl(target: UploadTarget): string {
  const params = new URLSearchParams(
    "ticketId" in target ? { ticketId: target.ticketId } : { conversationId: target.conversationId },
  );
  return `${ATTACHMENTS_PATH}?${params}`;
}

/**
 * Uploads one file as the raw body (the server sniffs the content itself), its name URI-encoded in a
 * header; the session cookie authenticates it. Never throws; a refusal carries the server's message
 * (PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, …) when there is one.
 */
export async function uploadAttachment(file: File, target: UploadTarget): Promise<UploadResult> {
  let res: Response;
  try {
    res = await fetch(uploadUrl(target), {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", [ATTACHMENT_FILENAME_HEADER]: encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  const payload = (await res.json().catch(() => null)) as {
    ok?: boolean;
    data?: { attachment?: AttachmentDto };
    error?: { code?: unknown; message?: unknown };
  } | null;
  if (res.ok && payload?.ok && payload.data?.attachment) return { ok: true, attachment: payload.data.attachment };
  const error = payload?.error;
  if (error && isErrorCode(error.code) && typeof error.message === "string") {
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  return {
    ok: false,
    error: STATUS_MESSAGES[res.status] ?? {
      code: "INTERNAL",
      message: `The server answered ${res.status}. Try again.`,
    },
  };
}
