import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isLead } from "../agents/roles.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorDoc } from "../visitors/visitor.model.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";

/** What a staff member wants to do with a conversation. */
export type StaffIntent = "view" | "reply" | "close" | "transfer";

const isAssignee = (agent: AgentDoc, c: ConversationDoc): boolean => c.assignee?.equals(agent._id) === true;
/** A supervisor who joined the chat (barge-in) replies in it beside the assigned agent. */
const hasJoined = (agent: AgentDoc, c: ConversationDoc): boolean =>
  isLead(agent) && (c.participants ?? []).some((p) => p.agent.equals(agent._id));

/**
 * A conversation of the staff member's own site, if their role allows the intent.
 * Other sites' conversations are reported as not found, so ids cannot be probed.
 */
export async function staffConversation(
  agent: AgentDoc,
  conversationId: Types.ObjectId,
  intent: StaffIntent,
): Promise<ConversationDoc> {
  const c = await Conversation.findOne({ _id: conversationId, site: agent.site }).lean<ConversationDoc>();
  if (!c) throw new AppError("NOT_FOUND", "Conversation not found");
  switch (intent) {
    case "view":
      // Agents may look at the queue before accepting, and at chats they handled.
      if (isLead(agent) || c.status === "queued" || isAssignee(agent, c)) return c;
      break;
    case "reply":
      if (c.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
      if (isAssignee(agent, c)) return c;
      if (c.status === "queued") throw new AppError("FORBIDDEN", "Accept the conversation before replying");
      if (hasJoined(agent, c)) return c;
      break;
    case "close":
    case "transfer":
      if (c.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is already closed");
      if (isLead(agent) || isAssignee(agent, c)) return c;
      break;
  }
  throw new AppError("FORBIDDEN", "This conversation belongs to another agent");
}

/** The visitor's own conversation: by id, or their latest when no id is given. */
export async function visitorConversation(
  visitor: VisitorDoc,
  conversationId: Types.ObjectId | undefined,
): Promise<ConversationDoc | null> {
  if (!conversationId) {
    return Conversation.findOne({ visitor: visitor._id }).sort({ createdAt: -1 }).lean<ConversationDoc>();
  }
  const c = await Conversation.findOne({ _id: conversationId, visitor: visitor._id }).lean<ConversationDoc>();
  if (!c) throw new AppError("NOT_FOUND", "Conversation not found");
  return c;
}
