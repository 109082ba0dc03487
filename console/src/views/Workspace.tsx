import type { AgentDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { signOut } from "../api/auth.ts";
import { ConsoleSession } from "../realtime/session.ts";
import { useRoute } from "../router.ts";
import { conversationOf } from "../state/session.ts";
import { ChatView } from "./ChatView.tsx";
import { Header } from "./Header.tsx";
import { Inbox } from "./Inbox.tsx";
import { SessionContext, useSessionState } from "./session-context.ts";

interface WorkspaceProps {
  agent: AgentDto;
  onSignedOut: (notice: string | null) => void;
}

/** The signed-in console: one realtime session for as long as this is mounted. */
export function Workspace({ agent, onSignedOut }: WorkspaceProps) {
  const [session] = useState(() => new ConsoleSession(agent, onSignedOut));
  useEffect(() => () => session.stop(), [session]);
  return (
    <SessionContext.Provider value={session}>
      <Screen session={session} onSignedOut={onSignedOut} />
    </SessionContext.Provider>
  );
}

function Screen({ session, onSignedOut }: { session: ConsoleSession; onSignedOut: (notice: null) => void }) {
  const state = useSessionState(session);
  const route = useRoute();
  const openId = route.name === "conversation" ? route.id : null;

  useEffect(() => session.conversations.open(openId), [session, openId]);

  const visitorName = openId ? conversationOf(state, openId).detail?.visitorName : undefined;
  useEffect(() => {
    document.title = visitorName ? `${visitorName} · Parley console` : "Parley console";
  }, [visitorName]);

  const onSignOut = async () => {
    session.stop();
    await signOut();
    onSignedOut(null);
  };

  return (
    <div class="app">
      <Header
        me={state.me}
        connection={state.connection}
        connectionProblem={state.connectionProblem}
        onSignOut={onSignOut}
      />
      <main class={openId ? "workspace has-chat" : "workspace"}>
        <Inbox inbox={state.inbox} openId={openId} />
        {openId ? (
          <ChatView key={openId} id={openId} view={conversationOf(state, openId)} outbox={state.outbox} me={state.me} />
        ) : (
          <section class="chat chat--empty" aria-label="Chat">
            <p>Pick a conversation from the lists to read it here.</p>
          </section>
        )}
      </main>
    </div>
  );
}
