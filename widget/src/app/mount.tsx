import { render } from "preact";
import { adoptStyles } from "../adopt-styles.ts";
import { sessionUserKey, storageKeys } from "../keys.ts";
import type { MountFunction, MountOptions, WidgetHandle } from "../mount-api.ts";
import { ChatClient } from "./chat-client.ts";
import { PANEL_ID, Panel } from "./components/Panel.tsx";
import { HostApi, tokenUserId } from "./host-api.ts";
import { reopenTokenOf } from "./reopen-token.ts";
import { browserStore } from "./storage.ts";
import { PANEL_CSS } from "./styles.ts";

export type { MountOptions, WidgetHandle } from "../mount-api.ts";

/**
 * Entry point of the lazily loaded app. Renders the chat panel into the loader's shadow
 * root, next to the launcher, and connects. The loader decides when the panel is open.
 */
export function mount(root: ShadowRoot, options: MountOptions): WidgetHandle {
  const removeStyles = adoptStyles(root, PANEL_CSS);
  const container = document.createElement("div");
  root.append(container);
  const serverUrl = options.serverUrl.replace(/\/+$/, "");
  const storage = browserStore("localStorage");

  // The page's calls made before the app loaded, replayed before anything connects: identify decides the session.
  const api = new HostApi();
  for (const call of Array.from(options.calls ?? [])) api.call(call);
  if (api.locale) options = { ...options, locale: api.locale };

  let client: ChatClient | null = null;
  let wanted = { open: options.open, focus: options.open && options.focus === true };
  let destroyed = false;
  /** The user the running client's session is for (the identity token's), null for anonymous. */
  let user: string | null = null;
  const begin = () => {
    if (destroyed) return;
    user = tokenUserId(api.identity?.token);
    client = new ChatClient({
      serverUrl,
      siteKey: options.siteKey,
      storage,
      panelOpen: false,
      identity: api.identity,
      onUnread: (count) => {
        options.onUnread?.(count);
        api.emit("unread", count);
      },
      onMessage: (message) => {
        options.onMessage?.(message);
        api.emit("message", message);
      },
    });
    client.setPanelOpen(wanted.open, wanted.focus);
    const c = client;
    const minimize = () => (options.onRequestClose ? options.onRequestClose() : c.setPanelOpen(false, false));
    render(<Panel client={c} onMinimize={minimize} />, container);
    c.start();
  };
  // A link from a "reply while you were away" email: the chat it names is restored before the widget connects.
  const reopenToken = reopenTokenOf(location.hash);
  if (reopenToken) {
    const keys = storageKeys(options.siteKey);
    void import("./reopen.ts")
      .then(({ followReopenLink }) =>
        followReopenLink(reopenToken, { serverUrl, siteKey: options.siteKey, storage, keys }),
      )
      .catch(() => false)
      .then((followed) => {
        // The link's session is the chat's visitor's: kept for whoever the page names now (the server still decides
        // what it may reach), not dropped as another user's.
        const userId = tokenUserId(api.identity?.token);
        if (followed) storage.setItem(sessionUserKey(options.siteKey), userId === null ? "" : `?${userId}`);
        begin();
      });
  } else {
    begin();
  }
  if (wanted.open) api.emit("open");
  // Another user signed in (or out) on this page: a new client, whose session is theirs; the same user: the forms.
  api.identityChanged = (identity) => {
    if (!client || tokenUserId(identity?.token) === user) return client?.prefill(identity);
    client.destroy();
    // Unmounted first: the panel's state (an open ticket, a draft) belongs to the previous user's client.
    render(null, container);
    begin();
  };

  const handle: WidgetHandle = {
    panelId: PANEL_ID,
    setOpen: (open, focus = false) => {
      if (open !== wanted.open) api.emit(open ? "open" : "close");
      wanted = { open, focus };
      client?.setPanelOpen(open, focus);
    },
    call: (call) => api.call(call),
    destroy() {
      destroyed = true;
      client?.destroy();
      render(null, container);
      container.remove();
      removeStyles();
    },
  };
  // Languages plug in here: a later `Parley('setLocale', …)` reaches whatever the handle does with it.
  api.localeChanged = (locale) => handle.setLocale?.(locale);
  return handle;
}

// The loader imports this module by URL, so nothing else checks the two agree.
mount satisfies MountFunction;
