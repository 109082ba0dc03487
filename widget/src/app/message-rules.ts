import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { text } from "./i18n/language.ts";

/** The server counts the trimmed body; so does this, so the two never disagree. */
export function lengthProblem(trimmedLength: number, field: "message" | "details" = "message"): string | null {
  if (trimmedLength <= MAX_MESSAGE_LENGTH) return null;
  const t = text();
  return (field === "message" ? t.messageTooLong : t.detailsTooLong)(
    trimmedLength - MAX_MESSAGE_LENGTH,
    MAX_MESSAGE_LENGTH,
  );
}

/** Enter sends; Shift+Enter is a newline; Enter while an IME is composing belongs to the IME. */
export function isSubmitKey(e: KeyboardEvent): boolean {
  return e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229;
}

// The server validates emails with zod's `z.email()`, which is stricter than the browser's
// type=email check (it wants a dot and a TLD); this mirrors it so the visitor hears about
// a typo from the form instead of from a refused chat.
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function isPlausibleEmail(value: string): boolean {
  return EMAIL.test(value);
}
