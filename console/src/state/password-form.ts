import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@parley/shared/constants";

/** A new password typed twice, checked here first so a typo is caught before the server (or a used link) is. */
export interface NewPasswordDraft {
  readonly password: string;
  readonly confirm: string;
}

/** What is wrong with each field, in words fit to show next to it; empty when the draft can be sent. */
export interface NewPasswordProblems {
  readonly password?: string;
  readonly confirm?: string;
}

export function newPasswordProblems({ password, confirm }: NewPasswordDraft): NewPasswordProblems {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) return { password: `Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  if (confirm !== password) return { confirm: "The two passwords are not the same." };
  return {};
}

export const NEW_PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. Spaces count.`;

/**
 * The token of a reset link, from the page's fragment (`#token=…`); null when there is none. It is read once and
 * then taken out of the address, so it does not linger in the history or a screenshot.
 */
export function resetTokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && /^[A-Za-z0-9_-]{32,128}$/.test(token) ? token : null;
}
