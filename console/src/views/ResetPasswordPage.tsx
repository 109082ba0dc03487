import type { TargetedSubmitEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { resetPassword } from "../api/auth.ts";
import { signedOutPathFor } from "../router.ts";
import {
  type NewPasswordDraft,
  type NewPasswordProblems,
  newPasswordProblems,
  resetTokenOf,
} from "../state/password-form.ts";
import { Link } from "./Link.tsx";
import { NewPasswordFields } from "./NewPasswordFields.tsx";

interface ResetPasswordPageProps {
  /** The password is set: on to the sign-in page, with this to say so. */
  onDone: (confirmation: string) => void;
}

const EMPTY: NewPasswordDraft = { password: "", confirm: "" };

/** Where an emailed reset link lands: a new password, typed twice, set with the link's token (once). */
export function ResetPasswordPage({ onDone }: ResetPasswordPageProps) {
  const [token] = useState(() => resetTokenOf(location.hash));
  const [draft, setDraft] = useState(EMPTY);
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = "Choose a new password · Parley console";
    // The token is kept in this page's state only: out of the address bar, the history and screenshots.
    if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
    passwordRef.current?.focus();
  }, []);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !token) return;
    const found = newPasswordProblems(draft);
    setProblems(found);
    setError(null);
    if (found.password || found.confirm) {
      (found.password ? passwordRef : confirmRef).current?.focus();
      return;
    }
    setBusy(true);
    const result = await resetPassword(token, draft.password);
    setBusy(false);
    if (result.ok) onDone("Your new password is set. Sign in with it.");
    else setError(result.error.message);
  };

  return (
    <main class="signin">
      <form class="signin-card" onSubmit={onSubmit} aria-busy={busy} noValidate>
        <h1>Choose a new password</h1>
        {token ? (
          <>
            <p class="signin-lead">
              The link works once, for an hour. Every session of your account will be signed out.
            </p>
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
            <NewPasswordFields
              draft={draft}
              problems={problems}
              onInput={setDraft}
              passwordRef={passwordRef}
              confirmRef={confirmRef}
            />
            <button type="submit" class="primary" aria-disabled={busy}>
              Set new password
            </button>
          </>
        ) : (
          <p class="error" role="alert">
            This reset link is incomplete. Open the link from the email again, or ask for a new one.
          </p>
        )}
        <p class="signin-aside">
          <Link href={signedOutPathFor("forgotPassword")}>Ask for a new link</Link>{" "}
          <Link href={signedOutPathFor("signIn")}>Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}
