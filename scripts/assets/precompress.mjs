// Writes `file.br` and `file.gz` next to every compressible file of a built directory, so the server sends
// compressed bytes without compressing at request time (brotli at its best quality is too slow for that).
// Node's zlib has both encoders: no dependency.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Text formats only: images and fonts are already compressed, and compressing them again only costs CPU. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt|xml|webmanifest)$/;

/** Every file under `dir`, as paths relative to it (forward slashes). */
export function listFiles(dir, sub = "") {
  const out = [];
  for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function gzip(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
}

/**
 * A variant is written only when it is smaller than the file: the server falls back to the file itself when
 * a variant is missing. Stale variants (from a file that has since changed) are rewritten or removed.
 */
export function precompress(dir) {
  let written = 0;
  for (const rel of listFiles(dir)) {
    // Dotfiles (the build manifest) are never served.
    if (!COMPRESSIBLE.test(rel) || path.basename(rel).startsWith(".")) continue;
    const file = path.join(dir, rel);
    const raw = readFileSync(file);
    for (const [ext, encode] of [
      [".br", brotli],
      [".gz", gzip],
    ]) {
      const packed = encode(raw);
      if (packed.length < raw.length) {
        writeFileSync(file + ext, packed);
        written++;
      } else if (statSync(file + ext, { throwIfNoEntry: false })) {
        rmSync(file + ext);
      }
    }
  }
  return written;
}
