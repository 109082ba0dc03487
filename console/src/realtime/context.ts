import type { SessionState } from "../state/session.ts";
import type { Store } from "../state/store.ts";
import type { AgentSocket } from "./socket.ts";

/** What the realtime controllers share: one socket and the store they write to. */
export interface RealtimeContext {
  readonly socket: AgentSocket;
  readonly store: Store<SessionState>;
}
