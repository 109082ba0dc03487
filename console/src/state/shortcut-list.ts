import type { ShortcutAction } from "./shortcuts.ts";

// What the help overlay (`?`) lists; apart from the rules in shortcuts.ts so the main chunk does not carry the words.
export interface Shortcut {
  readonly action: ShortcutAction;
  /** As the help overlay shows it. */
  readonly keys: string;
  readonly label: string;
}

/**
 * Alt+letter combinations: screen readers (NVDA, JAWS, VoiceOver) take single letters and Insert/CapsLock/
 * Ctrl+Option combinations in browse mode, browsers take Ctrl and Cmd ones, so Alt+letter stays free. `?`
 * alone is safe only outside text fields, where it is checked.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: "accept", keys: "Alt+A", label: "Accept the chat ringing you" },
  { action: "nextChat", keys: "Alt+N", label: "Go to the next chat waiting for your answer" },
  { action: "composer", keys: "Alt+C", label: "Focus the reply box of the open chat" },
  { action: "canned", keys: "Alt+/", label: "Open canned responses in the reply box" },
  { action: "help", keys: "?", label: "Show this list of shortcuts" },
  { action: "close", keys: "Escape", label: "Close this list (and other overlays)" },
];
