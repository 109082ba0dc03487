import type { AgentDto, AgentNoticeDto } from "@parley/shared";
import type { AgentStatus } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import type { Alerts } from "./alerts.ts";
import { type ConversationView, emptyConversation } from "./conversation.ts";
import { emptyInbox, type InboxState } from "./inbox.ts";
import type { OfferActions } from "./offers.ts";
import { emptyOffline, type OfflineState } from "./offline.ts";
import type { Outbox } from "./outbox.ts";
import { emptySite, type SiteState } from "./site.ts";
import { emptyTeam, type TeamState } from "./team.ts";
import { emptyWall, type WallState } from "./wall.ts";

export type ConnectionState = "connecting" | "connected" | "reconnecting";

export interface PresenceState {
  /** A `presence:set` in flight: the status control shows the choice until the answer. */
  readonly pending: AgentStatus | null;
  readonly error: ErrorBody | null;
}

/** A short message for the agent, shown until dismissed or replaced; `id` makes a repeat announce again. */
export interface Notice {
  readonly id: number;
  readonly text: string;
}

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
  readonly presence: PresenceState;
  /** Answers to offers ringing me, by offer key. */
  readonly offerActions: OfferActions;
  readonly team: TeamState;
  readonly site: SiteState;
  readonly offline: OfflineState;
  readonly notice: Notice | null;
  /** Ticket alerts (at risk, breached, escalated) the server sent this staff member, until dismissed. */
  readonly alerts: Alerts;
  /** The supervisors' wall; stays empty for agents, who are not sent it. */
  readonly wall: WallState;
  /** Why the server set me Away (a missed offer), until I dismiss it or choose a status. */
  readonly agentNotice: AgentNoticeDto | null;
}

export function initialSession(me: AgentDto): SessionState {
  return {
    me,
    connection: "connecting",
    connectionProblem: null,
    inbox: emptyInbox,
    conversations: {},
    outbox: [],
    presence: { pending: null, error: null },
    offerActions: {},
    team: emptyTeam,
    site: emptySite,
    offline: emptyOffline,
    notice: null,
    alerts: [],
    wall: emptyWall,
    agentNotice: null,
  };
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

export function withNotice(state: SessionState, text: string | null): SessionState {
  if (text === null) return state.notice ? { ...state, notice: null } : state;
  return { ...state, notice: { id: (state.notice?.id ?? 0) + 1, text } };
}

/** My own row changed (`agent:updated` or `presence:set`): only the AgentDto fields belong to `me`. */
export function withMe(state: SessionState, agent: AgentDto): SessionState {
  const { id, name, email, role, status, capacity, products, notifySound } = agent;
  return { ...state, me: { id, name, email, role, status, capacity, products, notifySound } };
}
