import type { TargetedSubmitEvent } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { requestPasswordReset } from "../api/auth.ts";
import { signedOutPathFor } from "../router.ts";
import { Link } from "./Link.tsx";

/** "Forgot password?": asks for the email and sends a link; the answer never says whether the account exists. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  const emailId = useId();

  useEffect(() => {
    document.title = "Reset your password · Parley console";
    emailRef.current?.focus();
  }, []);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSent("");
    const result = await requestPasswordReset(email);
    setBusy(false);
    if (result.ok) setSent(result.data.message);
    else setError(result.error.message);
  };

  return (
    <main class="signin">
      <form class="signin-card" onSubmit={onSubmit} aria-busy={busy}>
        <h1>Reset your password</h1>
        <p class="signin-lead">
          Enter the email you sign in with, and we will email you a link to choose a new password.
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {/* Always mounted, so the answer is announced when it appears. */}
        <p class="saved" role="status">
          {sent}
        </p>
        <label for={emailId}>Email</label>
        <input
          id={emailId}
          ref={emailRef}
          type="email"
          name="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <button type="submit" class="primary" aria-disabled={busy}>
          Send reset link
        </button>
        <p class="signin-aside">
          <Link href={signedOutPathFor("signIn")}>Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}
