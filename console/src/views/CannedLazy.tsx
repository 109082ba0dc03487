import type { AgentDto } from "@parley/shared";
import type { RefObject, VNode } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { OPEN_CANNED_EVENT } from "./ringing/KeyboardShortcuts.tsx";

type CannedModule = typeof import("./canned/index.ts");
let loading: Promise<CannedModule> | undefined;

/**
 * Canned replies are loaded when first opened, once per page load (a failed fetch is tried again next
 * time): of them, the main chunk carries only this file.
 */
function Lazy({ render }: { render: (loaded: CannedModule) => VNode }) {
  const [loaded, setLoaded] = useState<CannedModule | "failed" | null>(null);
  useEffect(() => {
    loading ??= import("./canned/index.ts");
    loading.then(setLoaded, () => {
      loading = undefined;
      setLoaded("failed");
    });
  }, []);
  if (loaded && loaded !== "failed") return render(loaded);
  return (
    <p class="hint" role="status">
      {loaded ? "Canned replies could not be loaded. Check your connection and retry." : "Loading…"}
    </p>
  );
}

/** Which part of the composer's text a chosen reply replaces: the "/" that opened the picker, or the selection. */
export type CannedRange = readonly [start: number, end: number];

/**
 * The composer's side: "/" typed into an empty composer, or the button, opens the picker (CannedPicker inserts the
 * reply). Escape leaves the "/" as typed, for a message that starts with one.
 */
export function useCannedPicker(
  conversationId: string,
  text: string,
  setText: (text: string) => void,
  setNote: (note: string | null) => void,
) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [range, setRange] = useState<CannedRange | null>(null);
  // Back to the box, unless focus went elsewhere on its own (a click outside the picker).
  const close = (refocus = true) => {
    setRange(null);
    if (refocus) ref.current?.focus();
  };
  // Alt+/ (KeyboardShortcuts) asks whoever can open the picker to claim it; the composer on the page does.
  useEffect(() => {
    const claim = (e: Event) => {
      e.preventDefault();
      const box = ref.current;
      box?.focus();
      setRange([box?.selectionStart ?? 0, box?.selectionEnd ?? 0]);
    };
    window.addEventListener(OPEN_CANNED_EVENT, claim);
    return () => window.removeEventListener(OPEN_CANNED_EVENT, claim);
  }, []);
  const props = { conversationId, setText, setNote, onClose: close, textarea: ref as RefObject<HTMLTextAreaElement> };
  return {
    ref,
    typed: (value: string) => value === "/" && !text && setRange([0, 1]),
    button: (
      <button
        type="button"
        class="quiet"
        aria-expanded={!!range}
        // While open, a click here closes: focus must not leave the picker first, which closes it on its own.
        onMouseDown={(e) => range && e.preventDefault()}
        onClick={() => (range ? close() : setRange([ref.current?.selectionStart ?? 0, ref.current?.selectionEnd ?? 0]))}
      >
        Canned replies
      </button>
    ),
    picker: range && <Lazy render={(m) => <m.CannedPicker {...props} range={range} />} />,
  };
}

export function RepliesRoute({ me }: { me: AgentDto }) {
  return (
    <main id="main" tabIndex={-1} class="page">
      <Lazy render={(m) => <m.RepliesPage me={me} />} />
    </main>
  );
}
