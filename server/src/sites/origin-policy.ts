import type { SiteDoc } from "./site.model.ts";

/**
 * The origin a request speaks for. Browsers always send Origin on cross-origin requests
 * and on WebSocket handshakes, so a missing header means a same-origin page of this
 * server (the demo page) or a non-browser client, which could send any Origin anyway.
 */
export function effectiveOrigin(header: string | undefined, serverOrigin: string): string {
  return header && header !== "null" ? header : serverOrigin;
}

export function isOriginAllowed(site: Pick<SiteDoc, "allowedOrigins">, origin: string): boolean {
  return site.allowedOrigins.includes(origin);
}
