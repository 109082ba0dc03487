import type { WidgetConfigDto } from "@parley/shared";
import { render } from "preact";
import { adoptStyles } from "../adopt-styles.ts";
import { sessionUserKey, storageKeys } from "../keys.ts";
import type { MountFunction, MountOptions, WidgetHandle } from "../mount-api.ts";
import { ChatClient } from "./chat-client.ts";
import { PANEL_ID, Panel } from "./components/Panel.tsx";
import { HostApi, tokenUserId } from "./host-api.ts";
import { chooseLanguage, launcherLabel } from "./i18n/language.ts";
import { reopenTokenOf } from "./reopen-token.ts";
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

  // The page's calls made before the app loaded (docs/embedding.md, "JS API and verified identity"), replayed before
  // anything connects: identify decides the session, setLocale the first language.
  const api = new HostApi();
  for (const call of Array.from(options.calls ?? [])) api.call(call);
  const locale = api.locale ?? options.locale;

  let client: ChatClient | null = null;
  let wanted = { open: options.open, focus: options.open && options.focus === true };
  let destroyed = false;
  /** The user the running client's session is for (the identity token's), null for anonymous. */
  let user: string | null = null;
  // The site's theme and greeting for the panel, and the unread alerts (title, optional tone).
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
    user = tokenUserId(api.identity?.token);
    client = new ChatClient({
      serverUrl,
      siteKey: options.siteKey,
      storage,
      panelOpen: false,
      identity: api.identity,
      onUnread: (count) => {
        const previous = unread;
        if (count > 0 || alert) void alerts().then((a) => a.unread(count, previous));
        unread = count;
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
  // The launcher is the loader's: its default label came in the browser's language, so a language the page sets
  // relabels it too (a label the site chose, lang "", stays as written).
  const switchLanguage = (next: string | undefined) => {
    const launcher = root.querySelector<HTMLElement>(".launcher");
    const words = launcher && [...launcher.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
    if (next && launcher?.lang && words) {
      // From language.ts, not @parley/shared: importing that module here too made the bundler split app.js.
      const { lang, label } = launcherLabel(next, navigator.languages);
      words.textContent = label;
      launcher.lang = lang;
    }
    return chooseLanguage(next, navigator.languages);
  };
  // The visitor's language is on screen from the first paint: another language's chunk is fetched first (and
  // if it cannot be, the widget starts in English rather than not at all).
  const languageReady = switchLanguage(locale);
  // A link from a "reply while you were away" email: the chat it names is restored before the widget connects.
  const reopenToken = reopenTokenOf(location.hash);
  const restored = reopenToken
    ? import("./reopen.ts")
        // A chunk that cannot be fetched is a link that did not work: the widget starts as it was.
        .then(
          ({ followReopenLink }) =>
            followReopenLink(reopenToken, {
              serverUrl,
              siteKey: options.siteKey,
              storage,
              keys: storageKeys(options.siteKey),
            }),
          () => false,
        )
        .then((followed) => {
          // The link's session is the chat's visitor's: kept for whoever the page names now (the server still decides
          // what it may reach), not dropped as another user's.
          const userId = tokenUserId(api.identity?.token);
          if (followed) storage.setItem(sessionUserKey(options.siteKey), userId === null ? "" : `?${userId}`);
        })
    : undefined;
  void Promise.all([languageReady, restored]).then(begin);
  if (wanted.open) api.emit("open");
  // Another user signed in (or out) on this page: a new client, whose session is theirs; the same user: the forms.
  api.identityChanged = (identity) => {
    if (!client || tokenUserId(identity?.token) === user) return client?.prefill(identity);
    client.destroy();
    // Unmounted first: the panel's state (an open ticket, a draft) belongs to the previous user's client.
    render(null, container);
    begin();
  };
  api.localeChanged = (next) => void switchLanguage(next);

  return {
    panelId: PANEL_ID,
    setOpen: (open, focus = false) => {
      if (open !== wanted.open) api.emit(open ? "open" : "close");
      wanted = { open, focus };
      client?.setPanelOpen(open, focus);
    },
    setLocale: (next) => void switchLanguage(next),
    call: (call) => api.call(call),
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
