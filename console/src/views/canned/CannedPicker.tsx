import type { CannedResponseDto } from "@parley/shared";
import type { RefObject, TargetedFocusEvent, TargetedKeyboardEvent } from "preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { searchCanned, unfilledNote } from "../../state/canned-search.ts";
import type { CannedRange } from "../CannedLazy.tsx";
import { useCannedReplies } from "./useCannedReplies.ts";

export interface CannedPickerProps {
  conversationId: string;
  /** The composer's box, and the part of its text the reply replaces. */
  textarea: RefObject<HTMLTextAreaElement>;
  range: CannedRange;
  setText: (text: string) => void;
  /** What is left for the agent to fill, said under the composer (or null). */
  setNote: (note: string | null) => void;
  /** Escape or a reply inserted (focus back to the composer), or focus left the picker (`refocus` false). */
  onClose: (refocus?: boolean) => void;
}

const PREVIEW_LENGTH = 90;

/**
 * Search the canned replies and insert one: the ARIA 1.2 combobox pattern (a search box that owns a listbox, the
 * active option followed with aria-activedescendant, so focus stays in the box while arrows move). Enter inserts,
 * Escape closes; a click on an option inserts too.
 */
export function CannedPicker({ conversationId, textarea, range, setText, setNote, onClose }: CannedPickerProps) {
  const { replies, list } = useCannedReplies();
  const [query, setQuery] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), list: useId(), status: useId() };
  const optionId = (r: CannedResponseDto) => `${ids.list}-${r.id}`;

  const matches = useMemo(() => searchCanned(list.responses ?? [], query), [list.responses, query]);
  const active = matches.find((r) => r.id === activeId) ?? matches[0] ?? null;

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (active) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active?.id]);

  const choose = async (response: CannedResponseDto) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await replies.use(response.id, conversationId);
    setBusy(false);
    const box = textarea.current;
    if (result.ok && box) {
      const [start, end] = range;
      const text = box.value.slice(0, start) + result.data.text + box.value.slice(end);
      // Written to the box first, with the caret after the reply; the composer's state then agrees with it.
      box.value = text;
      box.setSelectionRange(start + result.data.text.length, start + result.data.text.length);
      setText(text);
      setNote(unfilledNote(result.data.unfilled));
      onClose();
    } else if (!result.ok) setProblem(failureOf(result, "No answer from the server yet. Try again.").message);
  };

  const move = (step: number) => {
    if (matches.length === 0) return;
    const at = active ? matches.indexOf(active) : -1;
    const next = matches[(at + step + matches.length) % matches.length];
    if (next) setActiveId(next.id);
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.isComposing) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => setActiveId(matches[0]?.id ?? null),
      End: () => setActiveId(matches.at(-1)?.id ?? null),
      Enter: () => {
        if (active) void choose(active);
      },
      Escape: () => onClose(),
    };
    const act = keys[event.key];
    if (!act) return;
    // Enter must not send the composer's form; Escape must not reach a dialog behind.
    event.preventDefault();
    event.stopPropagation();
    act();
  };

  const onFocusOut = (event: TargetedFocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    if (next && !event.currentTarget.contains(next)) onClose(false);
  };

  const status = problem
    ? problem
    : busy
      ? "Inserting…"
      : list.responses === null
        ? (list.error?.message ?? "Loading canned replies…")
        : matches.length === 0
          ? list.responses.length === 0
            ? "No canned replies yet. Add yours on the Replies page."
            : "No canned reply matches."
          : `${matches.length} ${matches.length === 1 ? "reply" : "replies"}. Up and down arrows to choose, Enter to insert, Escape to close.`;

  return (
    <div class="canned-picker" onFocusOut={onFocusOut}>
      <label for={ids.input}>Search canned replies</label>
      <input
        id={ids.input}
        ref={inputRef}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={matches.length > 0}
        aria-controls={ids.list}
        aria-activedescendant={active ? optionId(active) : undefined}
        aria-describedby={ids.status}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActiveId(null);
        }}
        onKeyDown={onKeyDown}
      />
      <div
        id={ids.list}
        role="listbox"
        aria-label="Canned replies"
        class="canned-options"
        hidden={matches.length === 0}
      >
        {matches.map((r) => (
          // Keys are the combobox's (aria-activedescendant): options are pointed at, never focused or tabbed to.
          // biome-ignore lint/a11y/useKeyWithClickEvents: Enter in the search box chooses the active option.
          <div
            key={r.id}
            id={optionId(r)}
            role="option"
            tabIndex={-1}
            aria-selected={r === active}
            class={r === active ? "canned-option is-active" : "canned-option"}
            // Keeps focus in the search box, so the click is not a blur that closes the picker first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void choose(r)}
          >
            <span class="canned-shortcut">/{r.shortcut}</span> <span class="canned-title">{r.title}</span>{" "}
            <span class="canned-scope">{r.scope === "site" ? "Site-wide" : "Personal"}</span>
            <span class="canned-preview">
              {r.body.length > PREVIEW_LENGTH ? `${r.body.slice(0, PREVIEW_LENGTH)}…` : r.body}
            </span>
          </div>
        ))}
      </div>
      <p id={ids.status} class={problem ? "hint hint--error" : "hint"} role="status">
        {status}
      </p>
    </div>
  );
}
