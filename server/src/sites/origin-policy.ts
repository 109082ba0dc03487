import type { SiteDoc } from "./site.model.ts";

/**
 * The origin a request speaks for. Browsers always send Origin on cross-origin requests and on WebSocket
 * handshakes, so a missing header means a same-origin page of this server (the demo page) or a non-browser
 * client, which could send any Origin anyway. `Origin: null` is kept as the origin "null": it comes from
 * sandboxed iframes, `data:` and `file:` pages and some redirects, whatever site hosts them, so it must never
 * pass for this server's own origin; a site that wants it lists "null" itself.
 */
export function effectiveOrigin(header: string | undefined, serverOrigin: string): string {
  return header || serverOrigin;
}

export function isOriginAllowed(site: Pick<SiteDoc, "allowedOrigins">, origin: string): boolean {
  return site.allowedOrigins.includes(origin);
}
