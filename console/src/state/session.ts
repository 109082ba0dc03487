import type { AgentDto } from "@parley/shared";
import { type ConversationView, emptyConversation } from "./conversation.ts";
import { emptyInbox, type InboxState } from "./inbox.ts";
import type { Outbox } from "./outbox.ts";

export type ConnectionState = "connecting" | "connected" | "reconnecting";

/** The whole signed-in state of the console. */
export interface SessionState {
  readonly me: AgentDto;
  readonly connection: ConnectionState;
  /** Why the server refused the socket, when retrying alone will not fix it (e.g. wrong origin). */
  readonly connectionProblem: string | null;
  readonly inbox: InboxState;
  /** Conversations opened in this session, by id. */
  readonly conversations: Readonly<Record<string, ConversationView>>;
  readonly outbox: Outbox;
}

export function initialSession(me: AgentDto): SessionState {
  return { me, connection: "connecting", connectionProblem: null, inbox: emptyInbox, conversations: {}, outbox: [] };
}

export function conversationOf(state: SessionState, id: string): ConversationView {
  return state.conversations[id] ?? emptyConversation;
}

export function patchConversation(
  state: SessionState,
  id: string,
  change: (view: ConversationView) => ConversationView,
): SessionState {
  const before = conversationOf(state, id);
  const after = change(before);
  if (after === before && id in state.conversations) return state;
  return { ...state, conversations: { ...state.conversations, [id]: after } };
}
