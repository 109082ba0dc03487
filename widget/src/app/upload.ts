import type { AttachmentDto } from "@parley/shared";
import { ATTACHMENT_FILENAME_HEADER, ATTACHMENTS_PATH, DEFAULT_ATTACHMENT_MAX_BYTES } from "@parley/shared/constants";
import type { UploadResult, UploadTarget } from "./attachments.ts";

/** Sends one file to the chat or ticket with the visitor's credentials (AttachmentClient.upload's lazy half). */
export async function uploadFile(
  serverUrl: string,
  headers: Record<string, string>,
  fetchImpl: typeof fetch,
  target: UploadTarget,
  file: File,
  /** attachProblem, passed in: importing the app's modules from here makes the bundler split the app in two. */
  problem: (status: number | null, body: unknown) => string,
): Promise<UploadResult> {
  const query =
    "ticketId" in target
      ? `ticketId=${encodeURIComponent(target.ticketId)}`
      : `conversationId=${encodeURIComponent(target.conversationId)}`;
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}${ATTACHMENTS_PATH}?${query}`, {
      method: "POST",
      // Always octet-stream: the server sniffs the content itself, and a file's own type (a .json log
      // is "application/json") could otherwise meet a body parser meant for API calls.
      headers: {
        ...headers,
        "Content-Type": "application/octet-stream",
        [ATTACHMENT_FILENAME_HEADER]: encodeURIComponent(file.name),
      },
      body: file,
      credentials: "omit",
    });
  } catch {
    // The server answers an oversized upload with 413 and closes the connection without reading the rest,
    // which some browsers report as a failed request instead of the answer.
    const status = file.size > DEFAULT_ATTACHMENT_MAX_BYTES ? 413 : null;
    return { ok: false, problem: problem(status, null) };
  }
  const body: unknown = await response.json().catch(() => null);
  const attachment = (body as { ok?: unknown; data?: { attachment?: AttachmentDto } } | null)?.data?.attachment;
  if (response.ok && attachment && typeof attachment.id === "string") return { ok: true, attachment };
  return { ok: false, problem: problem(response.status, body) };
}
