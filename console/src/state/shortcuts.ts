/** What a keyboard shortcut does; the console's views carry them out. */
export type ShortcutAction = "accept" | "nextChat" | "composer" | "canned" | "help" | "close";

/** The parts of a keydown event the rules read. */
export interface KeyPress {
  readonly key: string;
  /** The physical key: Alt+letter gives other characters in `key` on macOS (Alt+A is "å"). */
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  /** The event came from a text field, a select or an editable element. */
  readonly inField: boolean;
}

const ALT_CODES: Readonly<Record<string, ShortcutAction>> = {
  KeyA: "accept",
  KeyN: "nextChat",
  KeyC: "composer",
  Slash: "canned",
};

/**
 * The shortcut a key press means, or null. Alt combinations work everywhere (typing never needs them in
 * this console); `?` only outside fields, where it would be text. Escape is left to the overlays.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey) return null;
  if (press.altKey) return ALT_CODES[press.code] ?? null;
  if (press.key === "?" && !press.inField) return "help";
  return null;
}
