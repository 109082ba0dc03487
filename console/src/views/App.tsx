import type { AgentDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { currentAgent } from "../api/auth.ts";
import { navigate, signedOutPathFor, useSignedOutPage } from "../router.ts";
import { LazyRoute } from "./LazyRoute.tsx";
import { Workspace } from "./Workspace.tsx";

type Auth =
  | { kind: "checking" }
  | { kind: "signedOut"; notice: string | null; confirmation?: string }
  | { kind: "signedIn"; agent: AgentDto };

const loadSignedOutPages = () => import("./signed-out-pages.ts");

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: "checking" });
  const signedOutPage = useSignedOutPage();

  useEffect(() => {
    // An existing session cookie skips the sign-in page.
    void currentAgent().then((result) => {
      if (result.ok) setAuth({ kind: "signedIn", agent: result.data.agent });
      else setAuth({ kind: "signedOut", notice: result.status === 401 ? null : result.error.message });
    });
  }, []);

  // A reset link works whoever is signed in here (the reset signs its own account out everywhere).
  if (signedOutPage === "resetPassword") {
    return (
      <LazyRoute
        load={loadSignedOutPages}
        render={(m) => (
          <m.ResetPasswordPage
            onDone={(confirmation) => {
              setAuth({ kind: "signedOut", notice: null, confirmation });
              navigate(signedOutPathFor("signIn"));
            }}
          />
        )}
      />
    );
  }

  switch (auth.kind) {
    case "checking":
      return (
        <main class="splash" aria-busy="true">
          <p>Loading…</p>
        </main>
      );
    case "signedOut":
      if (signedOutPage === "forgotPassword") {
        return <LazyRoute load={loadSignedOutPages} render={(m) => <m.ForgotPasswordPage />} />;
      }
      return (
        <LazyRoute
          load={loadSignedOutPages}
          render={(m) => (
            <m.SignIn
              notice={auth.notice}
              confirmation={auth.confirmation ?? null}
              onSignedIn={(agent) => setAuth({ kind: "signedIn", agent })}
            />
          )}
        />
      );
    case "signedIn":
      return (
        <Workspace
          key={auth.agent.id}
          agent={auth.agent}
          onSignedOut={(notice) => setAuth({ kind: "signedOut", notice })}
        />
      );
  }
}
