import type { AgentDto, ConversationDetailDto, ConversationRatedDto, ConversationSummaryDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { emptyTimeline, type Timeline } from "./messages.ts";
import { isLead } from "./roles.ts";

/** Everything the chat pane shows about one conversation. */
export interface ConversationView {
  readonly detail: ConversationDetailDto | null;
  readonly timeline: Timeline;
  /** Why the conversation could not be loaded (not found, not yours…). */
  readonly loadError: ErrorBody | null;
  /** The last refusal of an accept or close, shown next to the buttons. */
  readonly actionError: ErrorBody | null;
  readonly pendingAction: "accept" | "close" | "join" | null;
  /** This lead joined the chat in this session (`conversation:join`): they reply in it as themselves. */
  readonly joined: boolean;
}

export const emptyConversation: ConversationView = {
  detail: null,
  timeline: emptyTimeline,
  loadError: null,
  actionError: null,
  pendingAction: null,
  joined: false,
};

/** Detail from a sync or an ack; an older copy never overwrites a newer one. */
export function withDetail(view: ConversationView, detail: ConversationDetailDto): ConversationView {
  if (view.detail && view.detail.updatedAt > detail.updatedAt) return view;
  return { ...view, detail, loadError: null };
}

/** A `conversation:updated` event carries the summary fields; the visitor details stay. */
export function withSummary(view: ConversationView, summary: ConversationSummaryDto): ConversationView {
  if (!view.detail || view.detail.updatedAt > summary.updatedAt) return view;
  // Every summary field, those added later included ("Visitor left"); the detail-only fields stay.
  return { ...view, detail: { ...view.detail, ...summary } };
}

/** The visitor rated the chat, told live to the staff who have it open. */
export function withRating(view: ConversationView, rated: ConversationRatedDto): ConversationView {
  if (!view.detail || view.detail.id !== rated.conversationId) return view;
  return { ...view, detail: { ...view.detail, rating: rated.rating } };
}

const isMine = (c: ConversationDetailDto, me: AgentDto): boolean => c.assignee?.id === me.id;

// These mirror the server's rules (conversation-access.ts) so the console only offers what will work.
export function canAccept(c: ConversationDetailDto): boolean {
  return c.status === "queued";
}

/** The chat is ringing this agent: it is answered from "Incoming chats", not from the chat header. */
export function isOfferedTo(c: ConversationSummaryDto, me: Pick<AgentDto, "id">): boolean {
  return c.status === "queued" && c.offer?.agent.id === me.id;
}

export function canTransfer(c: ConversationDetailDto, me: AgentDto): boolean {
  return c.status === "active" && (isMine(c, me) || isLead(me));
}

/** `joined`: the lead joined the chat (the server lets participants reply as themselves). */
export function canReply(c: ConversationDetailDto, me: AgentDto, joined = false): boolean {
  return c.status === "active" && (isMine(c, me) || (joined && isLead(me)));
}

/** A lead may join someone else's active chat to reply in it; the assignee and those who joined need not. */
export function canJoin(c: ConversationDetailDto, me: AgentDto, joined: boolean): boolean {
  return c.status === "active" && isLead(me) && !isMine(c, me) && !joined;
}

/** Leads whisper to the agent in any open chat; the visitor never sees it. */
export function canWhisper(c: ConversationDetailDto, me: AgentDto): boolean {
  return c.status !== "closed" && isLead(me);
}

export function canClose(c: ConversationDetailDto, me: AgentDto): boolean {
  return c.status !== "closed" && (isMine(c, me) || isLead(me));
}
