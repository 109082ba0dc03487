import type { AgentDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { currentAgent } from "../api/auth.ts";
import { SignIn } from "./SignIn.tsx";
import { Workspace } from "./Workspace.tsx";

type Auth = { kind: "checking" } | { kind: "signedOut"; notice: string | null } | { kind: "signedIn"; agent: AgentDto };

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: "checking" });

  useEffect(() => {
    // An existing session cookie skips the sign-in page.
    void currentAgent().then((result) => {
      if (result.ok) setAuth({ kind: "signedIn", agent: result.data.agent });
      else setAuth({ kind: "signedOut", notice: result.status === 401 ? null : result.error.message });
    });
  }, []);

  switch (auth.kind) {
    case "checking":
      return (
        <main class="splash" aria-busy="true">
          <p>Loading…</p>
        </main>
      );
    case "signedOut":
      return <SignIn notice={auth.notice} onSignedIn={(agent) => setAuth({ kind: "signedIn", agent })} />;
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
