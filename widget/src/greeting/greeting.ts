// The proactive greeting: a bubble beside the launcher after the site's delay, fetched by the loader
// only on a page the site's greeting applies to, once per visit. Plain DOM, no Preact, nothing imported at run
// time: it must not share a chunk with the app (the loader keeps what it needs small, so the delay, the checks and
// the once-per-visit mark live here).
import type { ShowGreeting } from "../greeting-api.ts";

const CSS = `
.greeting { position: fixed; z-index: 2147483000; right: var(--parley-right, 20px); left: var(--parley-left, auto); bottom: 80px;
  display: flex; align-items: flex-start; gap: 4px; max-width: min(300px, calc(100vw - 40px)); padding: 4px;
  border: 1px solid #c9ced8; border-radius: 12px; background: #fff; color: #1d2433; box-shadow: 0 8px 24px rgba(16, 24, 40, .2);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; text-align: left; }
.greeting button { margin: 0; border: 0; border-radius: 8px; background: transparent; color: inherit; font: inherit; cursor: pointer; }
.greeting button:focus-visible { outline: 3px solid #1f4fd1; outline-offset: 0; }
.greeting-open { flex: 1; padding: 8px 4px 8px 10px; text-align: left; overflow-wrap: anywhere; }
.greeting-open:hover { text-decoration: underline; }
.greeting-close { flex: none; width: 32px; height: 32px; padding: 0; font-size: 20px; line-height: 1; }
.greeting-close:hover { background: #eef0f4; }
.greeting[data-scheme=dark] { background: #1d2433; color: #f2f4f7; border-color: #667085; }
.greeting[data-scheme=dark] button:focus-visible { outline-color: #8fb0ff; }
.greeting[data-scheme=dark] .greeting-close:hover { background: #344054; }
@media (prefers-color-scheme: dark) {
  .greeting[data-scheme=auto] { background: #1d2433; color: #f2f4f7; border-color: #667085; }
  .greeting[data-scheme=auto] button:focus-visible { outline-color: #8fb0ff; }
  .greeting[data-scheme=auto] .greeting-close:hover { background: #344054; }
}
`;

/** Types that take typed text; focus on a checkbox or a button is not typing. */
const NOT_TYPED = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "hidden",
  "image",
  "radio",
  "range",
  "reset",
  "submit",
]);

/** Whether the visitor is typing somewhere on the page (looking through open shadow roots, the widget's own too). */
export function isTyping(doc: Document = document): boolean {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NOT_TYPED.has(el.type);
}

function has(storage: () => Storage, key: string): boolean {
  try {
    return storage().getItem(key) !== null;
  } catch {
    return false;
  }
}

/** A constructed stylesheet, so a host page whose CSP forbids inline styles still styles the bubble. */
function adopt(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.prepend(style);
  }
}

export const showGreeting: ShowGreeting = (root, { config, keys }) => {
  const greeting = config.proactive;
  // sessionStorage, next to the loader's "panel was open" key (not in storageKeys: the loader never reads it).
  const greeted = `${keys.open}:greeted`;
  const launcher = root.querySelector<HTMLElement>(".launcher");
  const isOpen = () => launcher?.getAttribute("aria-expanded") === "true";
  const onOpen = () => launcher?.click();
  // Once per visit: not again on the next pages of this tab once it has been shown.
  if (!greeting || has(() => sessionStorage, greeted)) return;
  // Not over an open panel, nor for a visitor who already has a chat.
  const blocked = () => isOpen() || has(() => localStorage, keys.conversation);
  setTimeout(() => {
    if (launcher && !blocked()) {
      draw(root, launcher, greeting.message, config.theme.colourScheme, blocked, onOpen, () => markShown(greeted));
    }
  }, greeting.delayMs);
};

function markShown(key: string): void {
  try {
    sessionStorage.setItem(key, "1");
  } catch {
    // Without sessionStorage the greeting may show again on the next page of this visit.
  }
}

function draw(
  root: ShadowRoot,
  launcher: HTMLElement,
  message: string,
  scheme: string,
  blocked: () => boolean,
  onOpen: () => void,
  onShown: () => void,
) {
  adopt(root, CSS);
  const bubble = document.createElement("div");
  bubble.className = "greeting";
  bubble.dataset.scheme = scheme;
  bubble.hidden = true;
  const open = document.createElement("button");
  open.type = "button";
  open.className = "greeting-open";
  // Text, never HTML: the message is whatever the site's admin typed.
  open.textContent = message;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "greeting-close";
  close.setAttribute("aria-label", "Dismiss the greeting");
  close.textContent = "×";
  bubble.append(open, close);
  // Present but hidden while it waits for the visitor to stop typing.
  root.append(bubble);

  let done = false;
  const remove = (focusLauncher: boolean) => {
    if (done) return;
    done = true;
    watcher.disconnect();
    document.removeEventListener("focusout", retry, true);
    bubble.remove();
    if (focusLauncher) launcher.focus();
  };
  // Opened by the launcher (or any other way): the greeting has done its job.
  const watcher = new MutationObserver(() => {
    if (launcher.getAttribute("aria-expanded") === "true") remove(false);
  });
  watcher.observe(launcher, { attributes: true, attributeFilter: ["aria-expanded"] });
  open.addEventListener("click", () => {
    remove(false);
    onOpen();
  });
  close.addEventListener("click", () => remove(true));

  // Focus leaving a field lands on the next one only after focusout, so look again a moment later.
  const retry = () => setTimeout(show, 0);
  const show = () => {
    if (done) return;
    if (blocked()) return remove(false);
    if (isTyping()) return;
    document.removeEventListener("focusout", retry, true);
    bubble.hidden = false;
    onShown();
  };
  document.addEventListener("focusout", retry, true);
  show();
}

showGreeting satisfies ShowGreeting;
