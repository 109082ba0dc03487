import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { ConsoleSession } from "../realtime/session.ts";
import type { SessionState } from "../state/session.ts";

export const SessionContext = createContext<ConsoleSession | null>(null);

export function useSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() outside a signed-in workspace");
  return session;
}

/** Re-renders on every store change; the workspace reads it once and passes slices down. */
export function useSessionState(session: ConsoleSession): SessionState {
  const [state, setState] = useState(() => session.store.get());
  useEffect(() => {
    // Catch up with anything that changed between the first render and subscribing.
    setState(session.store.get());
    return session.store.subscribe(setState);
  }, [session]);
  return state;
}
