// widget.js: the only file a customer page loads up front. It stays tiny and dependency
// free: it draws the launcher in a shadow root and fetches the chat app on first use
// (or right away when this visitor already has a chat to restore).
import type { WidgetConfigDto } from "@parley/shared";
import { adoptStyles } from "./adopt-styles.ts";
import type { ShowGreeting } from "./greeting-api.ts";
import { type StorageKeys, storageKeys } from "./keys.ts";
import type { MountFunction, WidgetHandle } from "./mount-api.ts";

// Only defined while this script's top level runs synchronously, so it is read first.
const script = (document.currentScript ??
  document.querySelector("script[data-site][src*='widget.js']")) as HTMLScriptElement | null;

/**
 * The site's widget config: the launcher's stylesheet with the site's theme, and its label in the
 * visitor's language, so the loader carries neither. The launcher is drawn once it is applied, so the default theme
 * never flashes; without it there is no launcher on this page view (the server that would answer the chat is not
 * answering either). The proactive greeting's code is fetched only on a page it applies to.
 */
function configure(serverUrl: string, siteKey: string, keys: StorageKeys, root: ShadowRoot): Promise<WidgetConfigDto> {
  return (
    fetch(`${serverUrl}/api/widget/config/${siteKey}`)
      // An unknown site key is a 404: no launcher, and the page's developer finds why in the console.
      .then((res) => (res.ok ? (res.json() as Promise<WidgetConfigDto>) : Promise.reject(new Error(`${res.status}`))))
      .then((config) => {
        adoptStyles(root, config.css);
        const greeting = config.proactive;
        if (greeting && new RegExp(greeting.pathRegex).test(location.pathname)) {
          import(/* @vite-ignore */ new URL("widget/greeting.js", `${serverUrl}/`).href).then(
            (m: { showGreeting: ShowGreeting }) => m.showGreeting(root, { config, keys }),
          );
        }
        return config;
      })
  );
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

// biome-ignore lint/suspicious/noExplicitAny: the host page's arguments, checked against each command's signature
type Fn = (...args: any[]) => unknown;
/** `window.Parley`: the snippet's stub keeps calls in `q`; `v` marks this loader's own (the double-load guard). */
type Api = Fn & { q?: ArrayLike<unknown>[]; v?: 1 };
const w = window as unknown as { Parley?: Api };

function start(script: HTMLScriptElement, queued: ArrayLike<unknown>[]): void {
  const siteKey = script.dataset.site;
  if (!siteKey) {
    console.warn("Parley: the widget script needs a data-site attribute");
    return;
  }
  const serverUrl = new URL(script.src, location.href).origin;
  const keys = storageKeys(siteKey);

  const host = document.createElement("parley-chat");
  const root = host.attachShadow({ mode: "open" });
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
  button.append(svg, badge, unread);
  root.append(button);
  const configured = configure(serverUrl, siteKey, keys, root).then(({ launcher }) => {
    svg.after(launcher.label);
    button.lang = launcher.lang ?? "";
    document.body.append(host);
  });
  configured.catch((err: unknown) => console.warn("Parley: the chat is unavailable", err));

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
    // After the launcher is labelled: the app relabels it in the language the page set (setLocale).
    Promise.all([fetchApp(), configured]).then(
      ([m]) => {
        if (handle) return;
        button.removeAttribute("aria-busy");
        handle = m.mount(root, {
          serverUrl,
          siteKey,
          open,
          focus: focusOnMount,
          calls: forApp,
          onRequestClose: () => setOpen(false, true),
          onUnread: (count) => {
            badge.textContent = String(count);
            // Words beside the count would be English on a French button.
            unread.textContent = button.lang === "en" ? `, ${count} new` : ` (${count})`;
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

  // Focus goes back to the launcher only from inside the widget: a close by the page must not move the reader.
  const inside = () => document.activeElement === host;
  // The launcher's own commands run here; the rest wait for the app, which owns identity, language and the page's
  // listeners (no event happens before it is loaded), checks their arguments and warns of bad ones.
  const forApp: unknown[][] = [];
  const api: Api = (...args: unknown[]) => {
    const name = args[0];
    switch (args.length + String(name)) {
      case "1open":
        return setOpen(true, true);
      case "1close":
        return setOpen(false, inside());
      case "1toggle":
        return setOpen(!open, !open || inside());
      case "1show":
      case "1hide":
        host.hidden = name === "hide";
        return;
    }
    if (!/^(identify|logout|setLocale|on|off)$/.test(String(name))) console.warn("Parley: ignored", ...args);
    else if (handle?.call) handle.call(args);
    else forApp.push(args);
  };
  api.v = 1;
  w.Parley = api;
  for (const args of queued) api(...(args as unknown[]));

  // Restore on navigation: reopen if the panel was open in this tab, reconnect if a chat exists. A link from a
  // "reply while you were away" email (#parley=…) opens the panel on that chat.
  if (read(() => sessionStorage, keys.open) || location.hash.startsWith("#parley=")) setOpen(true, false);
  else if (read(() => localStorage, keys.conversation)) mount();
}

// `window.Parley` is the double-load guard: a second copy of this script finds this one's and does nothing. Until
// the page has a body, calls wait in the snippet's queue (or one of ours, for pages without the snippet).
if (script && !w.Parley?.v) {
  const queued = w.Parley?.q ?? [];
  const wait: Api = (...args) => queued.push(args);
  wait.v = 1;
  w.Parley = wait;
  const run = () => start(script, queued);
  if (document.body) run();
  else document.addEventListener("DOMContentLoaded", run, { once: true });
}
