import type { AgentClientToServerEvents, VisitorClientToServerEvents } from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isLead } from "../agents/roles.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { Limit } from "../security/rate-limits.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import type { ConversationDoc } from "./conversation.model.ts";
import { staffConversation } from "./conversation-access.ts";
import { findConversation } from "./conversation-archive.ts";
import type { ConversationBroadcaster } from "./conversation-broadcaster.ts";
import { raiseReadMark } from "./read-marks.ts";

type SignalEvents = "conversation:read" | "typing:set";

export interface ChatSignalDeps {
  conversations: ConversationBroadcaster;
  /** Typing signals per sender (security/rate-limits.ts). */
  typingLimit: Limit;
}

const tooFast = () => new AppError("RATE_LIMITED", "Too many typing signals; slow down");

/** Typing and "Seen" from the widget. */
export function visitorSignalHandlers(
  deps: ChatSignalDeps,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, SignalEvents> {
  return {
    "conversation:read": async (input, { visitor }) => {
      const c = await visitorsOpenChat(visitor, toObjectId(input.conversationId));
      return { seq: await raiseReadMark(c, "visitor", input.seq, deps.conversations) };
    },

    "typing:set": async (input, { visitor }) => {
      if (!(await deps.typingLimit.take(`visitor:${visitor._id.toHexString()}`))) throw tooFast();
      const c = await visitorsOpenChat(visitor, toObjectId(input.conversationId));
      deps.conversations.typingChanged(c, {
        conversationId: input.conversationId,
        side: "visitor",
        name: c.visitorName,
        typing: input.typing,
      });
      return {};
    },
  };
}

/** Typing and "Seen" from the console. */
export function staffSignalHandlers(
  deps: ChatSignalDeps,
): HandlerGroup<AgentClientToServerEvents, StaffContext, SignalEvents> {
  return {
    "conversation:read": async (input, { agent }) => {
      const c = await staffOpenChat(agent, toObjectId(input.conversationId));
      // Only who answers the chat says "Seen" to the visitor: a supervisor watching silently must stay unseen.
      if (!answers(agent, c)) {
        throw new AppError("FORBIDDEN", "Only the chat's agent or a joined participant marks it read");
      }
      return { seq: await raiseReadMark(c, "agent", input.seq, deps.conversations) };
    },

    "typing:set": async (input, { agent }) => {
      if (!(await deps.typingLimit.take(`agent:${agent._id.toHexString()}`))) throw tooFast();
      const c = await staffOpenChat(agent, toObjectId(input.conversationId));
      const internal = input.internal ?? false;
      // A note (whisper) is the leads' and the assignee's; a reply only theirs who may reply.
      const allowed = internal ? isLead(agent) || isAssignee(agent, c) : answers(agent, c);
      if (!allowed) throw new AppError("FORBIDDEN", "You are not answering this chat");
      deps.conversations.typingChanged(
        c,
        { conversationId: input.conversationId, side: "agent", name: agent.name, typing: input.typing },
        { agentId: agent._id.toHexString(), internal },
      );
      return {};
    },
  };
}

async function visitorsOpenChat(visitor: VisitorRef, id: Types.ObjectId): Promise<ConversationDoc> {
  const c = await findConversation(id);
  if (!c?.visitor.equals(visitor._id)) throw new AppError("NOT_FOUND", "Conversation not found");
  if (c.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
  return c;
}

/** Of the agent's own site (others' are not found) and open. */
async function staffOpenChat(agent: AgentDoc, id: Types.ObjectId): Promise<ConversationDoc> {
  const c = await staffConversation(agent, id, "view");
  if (c.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
  return c;
}

const isAssignee = (agent: AgentDoc, c: ConversationDoc): boolean => c.assignee?.equals(agent._id) === true;

/** The assignee, or a lead who joined the chat (barge-in). */
const answers = (agent: AgentDoc, c: ConversationDoc): boolean =>
  isAssignee(agent, c) || (isLead(agent) && (c.participants ?? []).some((p) => p.agent.equals(agent._id)));
