import { statSync } from "node:fs";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";

/**
 * Serves a built directory whose text files have `.br` and `.gz` twins written at build time
 * (scripts/assets/precompress.mjs): the best one the request's Accept-Encoding allows, else the file itself.
 * `send` (under res.sendFile) still does Content-Type (from the original name: it is set first), ETag,
 * Last-Modified, conditional requests, HEAD and Range (a range of the encoded bytes, which is what a
 * Content-Encoding response's range means). Dotfiles and the twins themselves are never served by name.
 */
export interface PrecompressedOptions {
  /** Cache-Control for a file, given its name. */
  cacheControl: (name: string) => string;
  /** Extra headers every response of this directory carries. */
  headers?: (res: Response) => void;
}

type Encoding = "br" | "gzip";
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/** The encodings a client accepts, best first (brotli before gzip when both are equally welcome). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (e: Encoding) => q.get(e) ?? q.get("*") ?? 0;
  return (["br", "gzip"] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
}

/** The file under `root` a URL path names, or undefined for anything that is not a plain servable file. */
export function resolveStaticFile(root: string, urlPath: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (rel.includes("\0") || rel.includes("\\")) return undefined;
  const segments = rel.split("/").filter((s) => s !== "");
  if (segments.length === 0 || segments.some((s) => s.startsWith("."))) return undefined;
  if (/\.(br|gz)$/.test(rel)) return undefined;
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

/** Sends one file (absolute path), precompressed when the client and the build allow it. */
export function sendPrecompressed(
  req: Request,
  res: Response,
  next: NextFunction,
  file: string,
  opts: PrecompressedOptions,
) {
  opts.headers?.(res);
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Cache-Control", opts.cacheControl(path.basename(file)));
  // The type of what the bytes decode to, set before send, which then leaves it alone.
  res.type(path.extname(file));
  let body = file;
  for (const encoding of acceptedEncodings(req.headers["accept-encoding"])) {
    const twin = file + SUFFIX[encoding];
    if (statSync(twin, { throwIfNoEntry: false })?.isFile()) {
      res.setHeader("Content-Encoding", encoding);
      body = twin;
      break;
    }
  }
  // Dotfiles are refused by resolveStaticFile, on the URL's part only: "deny" here would look at every
  // directory of the absolute path, and refuse a server installed under a dot directory.
  res.sendFile(body, { dotfiles: "allow", cacheControl: false }, (err) => {
    if (err && !res.headersSent) {
      res.removeHeader("Content-Encoding");
      const { status, code } = err as Error & { status?: number; code?: string };
      next(status === 404 || code === "ENOENT" ? undefined : err);
    }
  });
}

/** Middleware for a whole directory: GET and HEAD of its files; anything else falls through. */
export function precompressedStatic(root: string, opts: PrecompressedOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = resolveStaticFile(root, req.path);
    if (!file) return next();
    sendPrecompressed(req, res, next, file, opts);
  };
}
