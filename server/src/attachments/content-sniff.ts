/**
 * What an uploaded file is, decided by its bytes: the client's Content-Type is never trusted, and the
 * file name's extension must agree with the content, so a file is never stored as one thing while it
 * claims to be another (an .exe named .png, an HTML page named .png, a PNG named .pdf).
 *
 * Text is the one type without a signature: a file named like a log or a text document is accepted when
 * it is valid UTF-8 without NUL bytes, and stored as text/plain whatever it holds. An HTML page named
 * .txt therefore is accepted, as plain text: downloads are served with `Content-Disposition: attachment`,
 * `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so a browser never renders
 * it as a page.
 */

export type SniffResult =
  | { ok: true; contentType: string }
  | { ok: false; reason: "unknown_extension" | "content_mismatch" };

export const TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

interface BinaryType {
  contentType: string;
  extensions: readonly string[];
  matches: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

// Signatures from the WHATWG MIME Sniffing standard, "Matching an image type pattern" and
// "Matching an archive type pattern" (https://mimesniff.spec.whatwg.org/), and ISO 32000 for PDF.
const BINARY_TYPES: readonly BinaryType[] = [
  {
    contentType: "image/png",
    extensions: ["png"],
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  {
    contentType: "image/gif",
    extensions: ["gif"],
    matches: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
  },
  {
    contentType: "image/webp",
    extensions: ["webp"],
    matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBPVP"), 8),
  },
  { contentType: "application/pdf", extensions: ["pdf"], matches: (b) => startsWith(b, ascii("%PDF-")) },
  {
    contentType: "application/zip",
    extensions: ["zip"],
    // A local file header, or the end-of-central-directory record that is all an empty archive holds.
    matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
  },
];

/** Logs and text documents: accepted by content (UTF-8, no NUL), stored as text/plain. */
export const TEXT_EXTENSIONS: readonly string[] = ["txt", "log", "json", "csv", "xml", "md", "yaml", "yml"];

/** The lower-cased extension of a file name, without the dot; "" when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : "";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decides the stored content type of `bytes` uploaded as `fileName`, or why it is refused. */
export function sniffAttachment(bytes: Uint8Array, fileName: string): SniffResult {
  const ext = extensionOf(fileName);
  if (TEXT_EXTENSIONS.includes(ext)) {
    return isUtf8Text(bytes) ? { ok: true, contentType: TEXT_CONTENT_TYPE } : { ok: false, reason: "content_mismatch" };
  }
  const claimed = BINARY_TYPES.find((t) => t.extensions.includes(ext));
  if (!claimed) return { ok: false, reason: "unknown_extension" };
  return claimed.matches(bytes)
    ? { ok: true, contentType: claimed.contentType }
    : { ok: false, reason: "content_mismatch" };
}
