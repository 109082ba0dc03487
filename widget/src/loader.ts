// widget.js: the only file a customer page loads up front. It stays tiny and dependency
// free: it draws the launcher in a shadow root and fetches the chat app on first use
// (or right away when this visitor already has a chat to restore).
import type { WidgetConfigDto } from "@parley/shared";
import { adoptStyles } from "./adopt-styles.ts";
import type { ShowGreeting } from "./greeting-api.ts";
import { type StorageKeys, storageKeys } from "./keys.ts";
import { LAUNCHER_LABELS } from "./languages.ts";
import type { MountFunction, WidgetHandle } from "./mount-api.ts";

// Only defined while this script's top level runs synchronously, so it is read first.
const script = (document.currentScript ??
  document.querySelector("script[data-site][src*='widget.js']")) as HTMLScriptElement | null;

// The site's theme (issue 14) arrives as custom properties (not reset by `all: initial`).
// Written compactly: every byte here is on every page of every customer site.
const LAUNCHER_CSS = `:host{all:initial!important}
[hidden]{display:none!important}
.launcher{position:fixed;z-index:2147483000;right:var(--parley-right,20px);left:var(--parley-left);bottom:20px;display:inline-flex;align-items:center;gap:8px;min-height:48px;margin:0;padding:0 20px 0 16px;border:1px solid var(--parley-edge,#0000);border-radius:24px;background:var(--parley-bg,#1f4fd1);color:var(--parley-fg,#fff);font:600 15px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;box-shadow:0 6px 20px #1018284d;cursor:pointer}
.launcher:hover{filter:brightness(.9)}
.launcher:focus-visible{outline:3px solid #1f4fd1;outline-offset:3px;box-shadow:0 0 0 3px #fff}
.launcher svg{width:20px;height:20px;flex:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.badge{min-width:20px;padding:1px 6px;border-radius:10px;background:var(--parley-fg,#fff);color:var(--parley-bg,#1f4fd1);font-size:12px;text-align:center}`;

/**
 * The site's widget config (issue 14), applied before the launcher is drawn so the default theme never flashes.
 * Resolves when the launcher may be drawn: with the config, or undefined after 1.5 s or a failure. The proactive
 * greeting's code is fetched only on a page it applies to; it opens the chat with the launcher itself.
 */
function configure(
  serverUrl: string,
  siteKey: string,
  keys: StorageKeys,
  root: ShadowRoot,
  label: Text,
): Promise<WidgetConfigDto | undefined> {
  return fetch(`${serverUrl}/api/widget/config/${siteKey}`, { signal: AbortSignal.timeout?.(1500) })
    .then((res) => res.json() as Promise<WidgetConfigDto>)
    .then((config) => {
      // A label the site chose is its own words; the default one stays in the visitor's language.
      if (config.theme.launcherLabel !== "Live Chat") {
        label.data = config.theme.launcherLabel;
        (label.parentNode as Element).removeAttribute("lang");
      }
      // The server's rule of custom properties, built from validated values (@parley/shared/theme-css).
      adoptStyles(root, config.css);
      const greeting = config.proactive;
      if (greeting && new RegExp(greeting.pathRegex).test(location.pathname)) {
        import(/* @vite-ignore */ new URL("widget/greeting.js", `${serverUrl}/`).href).then(
          (m: { showGreeting: ShowGreeting }) => m.showGreeting(root, { config, keys }),
        );
      }
      return config;
    })
    .catch(() => undefined);
}

const ICON = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z";

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, open: boolean): void {
  try {
    if (open) sessionStorage.setItem(key, "1");
    else sessionStorage.removeItem(key);
  } catch {
    // Without sessionStorage the panel just does not reopen on the next page.
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = "",
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

function start(script: HTMLScriptElement): void {
  const siteKey = script.dataset.site;
  if (!siteKey) {
    console.warn("Parley: the widget script needs a data-site attribute");
    return;
  }
  const serverUrl = new URL(script.src, location.href).origin;
  const keys = storageKeys(siteKey);

  const host = document.createElement("parley-chat");
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root, LAUNCHER_CSS);
  const button = element("button", "launcher");
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(svgNs, "path");
  path.setAttribute("d", ICON);
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  const badge = element("span", "badge");
  const unread = element("span", "sr");
  badge.setAttribute("aria-hidden", "true");
  badge.hidden = true;
  unread.hidden = true;
  // As the app chooses (languages.ts): the first of the browser's languages the widget speaks.
  const lang =
    navigator.languages.map((l) => l.split("-")[0] ?? "").find((l) => l === "en" || LAUNCHER_LABELS[l]) ?? "en";
  button.lang = lang;
  const label = document.createTextNode(LAUNCHER_LABELS[lang] ?? "Live Chat");
  button.append(svg, label, badge, unread);
  root.append(button);
  void configure(serverUrl, siteKey, keys, root, label).then(() => document.body.append(host));

  let open = false;
  let focusOnMount = false;
  let handle: WidgetHandle | undefined;
  let app: Promise<{ mount: MountFunction }> | undefined;

  const fetchApp = (): Promise<{ mount: MountFunction }> =>
    (app ??= import(/* @vite-ignore */ new URL("widget/app.js", `${serverUrl}/`).href).catch((err: unknown) => {
      app = undefined;
      button.removeAttribute("aria-busy");
      console.error("Parley: could not load the chat", err);
      throw err;
    }));

  const mount = () => {
    if (!handle) button.setAttribute("aria-busy", "true");
    fetchApp().then(
      (m) => {
        if (handle) return;
        button.removeAttribute("aria-busy");
        handle = m.mount(root, {
          serverUrl,
          siteKey,
          open,
          focus: focusOnMount,
          onRequestClose: () => setOpen(false, true),
          onUnread: (count) => {
            badge.textContent = String(count);
            // Words beside the count would be English on a French button.
            unread.textContent = lang === "en" ? `, ${count} new` : ` (${count})`;
            badge.hidden = unread.hidden = count === 0;
          },
        });
        button.setAttribute("aria-controls", handle.panelId);
      },
      () => undefined,
    );
  };

  const setOpen = (next: boolean, focus: boolean) => {
    open = next;
    button.setAttribute("aria-expanded", String(next));
    write(keys.open, next);
    if (handle) handle.setOpen(next, focus);
    else if (next) {
      focusOnMount = focus;
      mount();
    }
    if (!next && focus) button.focus();
  };

  button.addEventListener("click", () => setOpen(!open, true));
  // Start fetching while the pointer is on its way, so the click feels instant.
  button.addEventListener("pointerenter", () => void fetchApp().catch(() => undefined), { once: true });
  root.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false, true);
    }
  });

  // Restore on navigation: reopen if the panel was open in this tab, reconnect if a chat exists. A link from a
  // "reply while you were away" email (#parley=…) opens the panel on that chat (issue 14).
  if (read(() => sessionStorage, keys.open) || location.hash.startsWith("#parley=")) setOpen(true, false);
  else if (read(() => localStorage, keys.conversation)) mount();
}

const flag = "__parleyWidget";
const w = window as unknown as Record<string, unknown>;
if (script && !w[flag]) {
  w[flag] = true;
  const run = () => start(script);
  if (document.body) run();
  else document.addEventListener("DOMContentLoaded", run, { once: true });
}
