import { render } from "preact";
import { adoptStyles } from "../adopt-styles.ts";
import { storageKeys } from "../keys.ts";
import type { MountFunction, MountOptions, WidgetHandle } from "../mount-api.ts";
import { ChatClient } from "./chat-client.ts";
import { PANEL_ID, Panel } from "./components/Panel.tsx";
import { chooseLanguage } from "./i18n/language.ts";
import { followReopenLink, reopenTokenOf } from "./reopen.ts";
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

  let client: ChatClient | null = null;
  let wanted = { open: options.open, focus: options.open && options.focus === true };
  let destroyed = false;
  const begin = () => {
    if (destroyed) return;
    client = new ChatClient({
      serverUrl,
      siteKey: options.siteKey,
      storage,
      panelOpen: false,
      onUnread: options.onUnread,
    });
    client.setPanelOpen(wanted.open, wanted.focus);
    const c = client;
    const minimize = () => (options.onRequestClose ? options.onRequestClose() : c.setPanelOpen(false, false));
    render(<Panel client={c} onMinimize={minimize} />, container);
    c.start();
  };
  // The visitor's language is on screen from the first paint: another language's chunk is fetched first (and
  // if it cannot be, the widget starts in English rather than not at all).
  const languageReady = chooseLanguage(options.locale, navigator.languages);
  // A link from a "reply while you were away" email: the chat it names is restored before the widget connects.
  const reopenToken = reopenTokenOf(location.hash);
  const restored = reopenToken
    ? followReopenLink(reopenToken, {
        serverUrl,
        siteKey: options.siteKey,
        storage,
        keys: storageKeys(options.siteKey),
      })
    : undefined;
  void Promise.all([languageReady, restored]).then(begin);

  return {
    panelId: PANEL_ID,
    setOpen: (open, focus = false) => {
      wanted = { open, focus };
      client?.setPanelOpen(open, focus);
    },
    setLocale: (locale) => void chooseLanguage(locale, navigator.languages),
    destroy() {
      destroyed = true;
      client?.destroy();
      render(null, container);
      container.remove();
      removeStyles();
    },
  };
}

// The loader imports this module by URL, so nothing else checks the two agree.
mount satisfies MountFunction;
