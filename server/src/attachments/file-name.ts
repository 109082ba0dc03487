/** Longest display name kept for an attachment (in characters, the extension included). */
export const MAX_ATTACHMENT_NAME_LENGTH = 200;

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that can make "gnp.exe" read as
// "exe.png" (CVE-2021-42574, "Trojan Source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name an upload is shown under: the last path segment of what the client sent, without control or
 * bidi characters, at most {@link MAX_ATTACHMENT_NAME_LENGTH} characters (a long name keeps its
 * extension). It is display text only: the file is stored under a random name. "" when nothing is left.
 */
export function displayFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).at(-1) ?? "";
  const cleaned = lastSegment.normalize("NFC").replace(UNSAFE, "").trim();
  const chars = [...cleaned];
  if (chars.length <= MAX_ATTACHMENT_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 ? [...cleaned.slice(dot)] : [];
  if (ext.length === 0 || ext.length > 16) return chars.slice(0, MAX_ATTACHMENT_NAME_LENGTH).join("");
  return chars.slice(0, MAX_ATTACHMENT_NAME_LENGTH - ext.length).join("") + ext.join("");
}

/** The `X-Filename` header, URI-encoded by the client; null when it is not valid percent-encoding. */
export function decodeFileNameHeader(header: string): string | null {
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name for old clients and the exact name as
 * RFC 8187 `filename*` (RFC 6266 section 4.3).
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "attachment";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
