import type { AgentDto } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { signIn } from "../api/auth.ts";
import { signedOutPathFor } from "../router.ts";
import { Link } from "./Link.tsx";

interface SignInProps {
  /** Why the agent is here again (session ended, server unreachable). */
  notice: string | null;
  /** Good news to show instead (a password just set). */
  confirmation?: string | null;
  onSignedIn: (agent: AgentDto) => void;
}

export function SignIn({ notice, confirmation = null, onSignedIn }: SignInProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const emailId = useId();
  const passwordId = useId();

  useEffect(() => {
    document.title = "Sign in · Parley console";
    emailRef.current?.focus();
  }, []);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signIn(email, password);
    setBusy(false);
    if (result.ok) onSignedIn(result.data.agent);
    else setError(result.error.message);
  };

  return (
    <main class="signin">
      <form class="signin-card" onSubmit={onSubmit} aria-busy={busy}>
        <h1>Parley console</h1>
        <p class="signin-lead">Sign in to answer your visitors.</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {confirmation && !error && (
          <p class="saved" role="status">
            {confirmation}
          </p>
        )}
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
        <label for={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="primary" aria-disabled={busy}>
          Sign in
        </button>
        <p class="signin-aside">
          <Link href={signedOutPathFor("forgotPassword")}>Forgot password?</Link>
        </p>
      </form>
    </main>
  );
}
