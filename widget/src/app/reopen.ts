import type { StorageKeys } from "../keys.ts";
import type { KeyValueStore } from "./storage.ts";

/**
 * Trades the link's token for the visitor the chat belongs to, and stores that visitor and chat so the
 * widget starts on it. The fragment is removed first: it is a credential, and must not stay in the address bar,
 * the history or a shared URL. A link that no longer works leaves the widget as it was.
 */
export async function followReopenLink(
  token: string,
  opts: { serverUrl: string; siteKey: string; storage: KeyValueStore; keys: StorageKeys },
): Promise<boolean> {
  history.replaceState(history.state, "", location.pathname + location.search);
  try {
    const response = await fetch(`${opts.serverUrl}/api/widget/reopen`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ siteKey: opts.siteKey, reopenToken: token }),
      credentials: "omit",
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { visitorToken?: unknown; conversationId?: unknown };
    if (typeof body.visitorToken !== "string" || typeof body.conversationId !== "string") return false;
    opts.storage.setItem(opts.keys.visitor, body.visitorToken);
    opts.storage.setItem(opts.keys.conversation, body.conversationId);
    return true;
  } catch {
    return false;
  }
}
