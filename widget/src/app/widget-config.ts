import type { WidgetConfigDto } from "@parley/shared";
import { createContext } from "preact";

/**
 * The site's widget config as the panel sees it: null until it has arrived (or if it never does), and
 * the panel then shows the defaults. The loader fetched the same URL a moment before, so this is usually
 * answered by the browser's cache (the server sends it with max-age and an ETag).
 */
export const WidgetConfigContext = createContext<WidgetConfigDto | null>(null);

export function fetchWidgetConfig(serverUrl: string, siteKey: string): Promise<WidgetConfigDto | null> {
  return fetch(`${serverUrl}/api/widget/config/${encodeURIComponent(siteKey)}`)
    .then((res) => (res.ok ? (res.json() as Promise<WidgetConfigDto>) : null))
    .catch(() => null);
}
