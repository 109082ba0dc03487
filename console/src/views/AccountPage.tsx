import type { TargetedSubmitEvent } from "preact";
import { useRef, useState } from "preact/hooks";
import { changePassword } from "../api/auth.ts";
import { type NewPasswordDraft, type NewPasswordProblems, newPasswordProblems } from "../state/password-form.ts";
import { SavedStatus } from "./admin/FormErrors.tsx";
import { TextField } from "./admin/fields.tsx";
import { NewPasswordFields } from "./NewPasswordFields.tsx";
import { usePageHeading } from "./usePage.ts";

const EMPTY: NewPasswordDraft = { password: "", confirm: "" };

/** The signed-in staff member's own account: changing their password. */
export function AccountPage() {
  const headingRef = usePageHeading("Change password");
  const [current, setCurrent] = useState("");
  const [draft, setDraft] = useState(EMPTY);
  const [problems, setProblems] = useState<NewPasswordProblems & { current?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSaved("");
    setError(null);
    const found = { ...(current ? {} : { current: "Enter your current password." }), ...newPasswordProblems(draft) };
    setProblems(found);
    const firstWrong = found.current ? currentRef : found.password ? passwordRef : found.confirm ? confirmRef : null;
    if (firstWrong) {
      firstWrong.current?.focus();
      return;
    }
    setBusy(true);
    const result = await changePassword(current, draft.password);
    setBusy(false);
    if (result.ok) {
      setCurrent("");
      setDraft(EMPTY);
      setSaved("Your password is changed. Your other sessions are signed out; this one stays.");
      return;
    }
    // A wrong current password comes back as an issue on that field; anything else is said above the form.
    const onCurrent = result.error.issues?.find((i) => i.path === "currentPassword");
    if (onCurrent) {
      setProblems({ current: `${onCurrent.message}.` });
      currentRef.current?.focus();
    } else {
      setError(result.error.message);
    }
  };

  return (
    <main id="main" tabIndex={-1} class="page">
      <section class="page-section" aria-labelledby="account-heading">
        <h2 id="account-heading" ref={headingRef} tabIndex={-1}>
          Change password
        </h2>
        <form
          class="admin-form account-form"
          aria-labelledby="account-heading"
          onSubmit={submit}
          noValidate
          aria-busy={busy}
        >
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <TextField
            label="Current password"
            type="password"
            value={current}
            required
            autoComplete="current-password"
            messages={problems.current ? [problems.current] : []}
            inputRef={currentRef}
            onInput={setCurrent}
          />
          <NewPasswordFields
            draft={draft}
            problems={problems}
            onInput={setDraft}
            passwordRef={passwordRef}
            confirmRef={confirmRef}
          />
          <div class="form-actions">
            <button type="submit" class="primary" aria-disabled={busy}>
              Change password
            </button>
            <SavedStatus text={saved} />
          </div>
        </form>
      </section>
    </main>
  );
}
