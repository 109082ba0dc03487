import { useEffect, useRef, useState } from "preact/hooks";
import { type ShortcutAction, shortcutFor } from "../../state/shortcuts.ts";
import { LazyRoute } from "../LazyRoute.tsx";

/** Cancelable; dispatched on window by Alt+/. The canned-responses picker calls preventDefault() when it opens. */
export const OPEN_CANNED_EVENT = "parley:open-canned";

type Handlers = Record<Exclude<ShortcutAction, "help" | "close" | "composer" | "canned">, () => void>;

const loadHelp = () => import("./ShortcutHelp.tsx");

function isField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === "INPUT" ||
      target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT")
  );
}

/** The open chat's reply box, if there is one on the page. */
function composer(): HTMLTextAreaElement | null {
  return document.querySelector<HTMLTextAreaElement>("form.composer textarea");
}

/**
 * The console's keyboard shortcuts (see state/shortcuts.ts for the keys and why), on every signed-in page,
 * and the help overlay that lists them, loaded when first opened.
 */
export function KeyboardShortcuts(handlers: Handlers) {
  const [help, setHelp] = useState(false);
  // The latest handlers, read at key time: the listener is added once.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const { key, code, altKey, ctrlKey, metaKey } = event;
      const action = shortcutFor({ key, code, altKey, ctrlKey, metaKey, inField: isField(event.target) });
      if (!action) return;
      event.preventDefault();
      if (action === "accept") latest.current.accept();
      else if (action === "nextChat") latest.current.nextChat();
      else if (action === "composer") composer()?.focus();
      else if (action === "canned") openCanned();
      else if (action === "help") setHelp(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return help ? (
    <LazyRoute inline load={loadHelp} render={(m) => <m.ShortcutHelp onClose={() => setHelp(false)} />} />
  ) : null;
}

/**
 * Asks the canned-responses picker to open; if nothing claims the event, types "/" into an empty reply
 * box, which opens it the way typing would.
 */
function openCanned(): void {
  const claimed = !window.dispatchEvent(new CustomEvent(OPEN_CANNED_EVENT, { cancelable: true }));
  if (claimed) return;
  const box = composer();
  if (!box) return;
  box.focus();
  if (box.value === "") {
    box.value = "/";
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
