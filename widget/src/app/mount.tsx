import type { WidgetConfigDto } from "@parley/shared";
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
import type { UnreadAlert } from "./unread-alert.ts";
import { fetchWidgetConfig, WidgetConfigContext } from "./widget-config.ts";

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
  // Issue 14: the site's theme and greeting for the panel, and the unread alerts (title, optional tone).
  let config: WidgetConfigDto | null = null;
  let draw: (() => void) | null = null;
  // A lazy chunk: most visits never get a reply with the panel closed.
  let alert: Promise<UnreadAlert> | undefined;
  const alerts = () => (alert ??= import("./unread-alert.ts").then((m) => new m.UnreadAlert()));
  let unread = 0;
  void fetchWidgetConfig(serverUrl, options.siteKey).then((c) => {
    if (destroyed || !c) return;
    config = c;
    if (c.sound) void alerts().then((a) => a.setSound(true));
    draw?.();
  });
  const begin = () => {
    if (destroyed) return;
    client = new ChatClient({
      serverUrl,
      siteKey: options.siteKey,
      storage,
      panelOpen: false,
      onUnread: (count) => {
        const previous = unread;
        if (count > 0 || alert) void alerts().then((a) => a.unread(count, previous));
        unread = count;
        options.onUnread?.(count);
      },
    });
    client.setPanelOpen(wanted.open, wanted.focus);
    const c = client;
    const minimize = () => (options.onRequestClose ? options.onRequestClose() : c.setPanelOpen(false, false));
    draw = () =>
      render(
        <WidgetConfigContext.Provider value={config}>
          <Panel client={c} onMinimize={minimize} />
        </WidgetConfigContext.Provider>,
        container,
      );
    draw();
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
      void alert?.then((a) => a.destroy());
      client?.destroy();
      render(null, container);
      container.remove();
      removeStyles();
    },
  };
}

// The loader imports this module by URL, so nothing else checks the two agree.
mount satisfies MountFunction;
