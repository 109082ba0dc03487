import type { Ref } from "preact";
import { NEW_PASSWORD_HINT, type NewPasswordDraft, type NewPasswordProblems } from "../state/password-form.ts";
import { TextField } from "./admin/fields.tsx";

interface NewPasswordFieldsProps {
  draft: NewPasswordDraft;
  problems: NewPasswordProblems;
  onInput: (draft: NewPasswordDraft) => void;
  /** The first field, focused when it holds the problem. */
  passwordRef?: Ref<HTMLInputElement>;
  confirmRef?: Ref<HTMLInputElement>;
}

/** A new password and its repetition, each with its label and its problem (a reset, a change). */
export function NewPasswordFields({ draft, problems, onInput, passwordRef, confirmRef }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        value={draft.password}
        required
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        messages={problems.password ? [problems.password] : []}
        inputRef={passwordRef}
        onInput={(password) => onInput({ ...draft, password })}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        value={draft.confirm}
        required
        autoComplete="new-password"
        messages={problems.confirm ? [problems.confirm] : []}
        inputRef={confirmRef}
        onInput={(confirm) => onInput({ ...draft, confirm })}
      />
    </>
  );
}
