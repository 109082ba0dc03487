/**
 * A message body as a small tree of typed nodes, for the widget and the console to turn into elements.
 * Nothing here ever becomes HTML: every piece of text stays a text node, and a link is made only from a
 * URL whose scheme is http, https or mailto (see safeHref). Anything not understood stays literal text.
 */
export type RichNode =
  | { type: "text"; text: string }
  | { type: "br" }
  | { type: "code"; text: string }
  | { type: "link"; href: string; text: string }
  | { type: "strong" | "em"; children: RichNode[] };

/** Deep enough for bold inside italic inside bold; deeper markers stay literal, bounding the work. */
const MAX_DEPTH = 3;

// Bare URLs only: a `[text](url)` form would let a message show one address and open another.
const URL_START = /^(?:https?:\/\/|mailto:)[^\s<>"`\\\p{Cc}]+/iu;
// A host name, IPv4 or [IPv6] with an optional port, and no user info (https://bank.example@evil.example).
const HTTP_URL = /^https?:\/\/(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?(?:[/?#].*)?$/iu;
const MAILTO_URL = /^mailto:[^@/?#]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*(?:\?.*)?$/iu;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_\]]$/;

export function parseRichText(body: string): RichNode[] {
  const out: RichNode[] = [];
  body.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) out.push({ type: "br" });
    out.push(...parseInline(line, 0));
  });
  return out;
}

/** `url` itself when it is a whole absolute http(s) URL with a host, or a mailto: with an address; else null. */
export function safeHref(url: string): string | null {
  if (URL_START.exec(url)?.[0] !== url) return null;
  return HTTP_URL.test(url) || MAILTO_URL.test(url) ? url : null;
}

function parseInline(s: string, depth: number): RichNode[] {
  const out: RichNode[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === "`") {
      const end = s.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: "code", text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (c === "*" && depth < MAX_DEPTH) {
      const marker = s.startsWith("**", i) ? "**" : "*";
      const start = i + marker.length;
      const end = closer(s, start, marker);
      if (end > 0) {
        flush();
        out.push({ type: marker === "**" ? "strong" : "em", children: parseInline(s.slice(start, end), depth + 1) });
        i = end + marker.length;
        continue;
      }
      // An unmatched "**" stays literal as a whole, so its second star does not open an italic.
      text += marker;
      i = start;
      continue;
    } else if (/[hm]/i.test(c) && !/[\p{L}\p{N}]/u.test(s[i - 1] ?? " ")) {
      const url = trimUrl(URL_START.exec(s.slice(i))?.[0] ?? "");
      const href = url && safeHref(url);
      if (href) {
        flush();
        out.push({ type: "link", href, text: url });
        i += url.length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/**
 * Where `marker` closes a span opened just before `from`, or -1: the span is not empty, does not start or
 * end with a space, and a code span inside it is skipped (its stars are literal).
 */
function closer(s: string, from: number, marker: string): number {
  if (/\s/.test(s[from] ?? " ")) return -1;
  for (let i = from + 1; i < s.length; i++) {
    if (s[i] === "`") {
      const end = s.indexOf("`", i + 1);
      if (end > i + 1) i = end;
      continue;
    }
    if (!s.startsWith(marker, i)) continue;
    // A single star closing an italic must not be half of a "**" (that is a bold inside it).
    if (marker === "*" && s[i + 1] === "*") {
      i++;
      continue;
    }
    if (!/\s/.test(s[i - 1] as string)) return i;
  }
  return -1;
}

/** "see https://x.org/a." links https://x.org/a; a closing parenthesis stays only if the URL opened one. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(u)) u = u.slice(0, -1);
    else if (u.endsWith(")") && count(u, "(") < count(u, ")")) u = u.slice(0, -1);
    else return u;
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/**
 * The content types (as the server sniffed them) shown inline as a thumbnail. SVG never is: it can carry
 * script, and a raster thumbnail is all a chat needs.
 */
const THUMBNAIL_TYPES: readonly string[] = ["image/png", "image/jpeg", "image/gif", "image/webp"];

export function hasThumbnail(contentType: string): boolean {
  return THUMBNAIL_TYPES.includes(contentType);
}
