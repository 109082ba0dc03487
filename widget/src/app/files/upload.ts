import type { AttachmentDto } from "@parley/shared";
import type { UploadResult, UploadTarget } from "../attachments.ts";

/**
 * Sends one file to the chat or ticket with the visitor's credentials (AttachmentClient.upload's transport). What it
 * needs of constants is passed in, so it is testable on its own and imports nothing of the app.
 */
export async function uploadFile(
  url: string,
  filenameHeader: string,
  maxBytes: number,
  headers: Record<string, string>,
  fetchImpl: typeof fetch,
  target: UploadTarget,
  file: File,
  problem: (status: number | null, body: unknown) => string,
): Promise<UploadResult> {
  const query =
    "ticketId" in target
      ? `ticketId=${encodeURIComponent(target.ticketId)}`
      : `conversationId=${encodeURIComponent(target.conversationId)}`;
  let response: Response;
  try {
    response = await fetchImpl(`${url}?${query}`, {
      method: "POST",
      // Always octet-stream: the server sniffs the content itself, and a file's own type (a .json log
      // is "application/json") could otherwise meet a body parser meant for API calls.
      headers: {
        ...headers,
        "Content-Type": "application/octet-stream",
        [filenameHeader]: encodeURIComponent(file.name),
      },
      body: file,
      credentials: "omit",
    });
  } catch {
    // The server answers an oversized upload with 413 and closes the connection without reading the rest,
    // which some browsers report as a failed request instead of the answer.
    const status = file.size > maxBytes ? 413 : null;
    return { ok: false, problem: problem(status, null) };
  }
  const body: unknown = await response.json().catch(() => null);
  const attachment = (body as { ok?: unknown; data?: { attachment?: AttachmentDto } } | null)?.data?.attachment;
  if (response.ok && attachment && typeof attachment.id === "string") return { ok: true, attachment };
  return { ok: false, problem: problem(response.status, body) };
}
