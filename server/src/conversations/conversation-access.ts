import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isLead } from "../agents/roles.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorDoc } from "../visitors/visitor.model.ts";
import { Visitor } from "../visitors/visitor.model.ts";
import { ClosedConversation, Conversation, type ConversationDoc } from "./conversation.model.ts";
import { findConversation } from "./conversation-archive.ts";

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
  const c = await findConversation(conversationId);
  if (!c?.site.equals(agent.site)) throw new AppError("NOT_FOUND", "Conversation not found");
  switch (intent) {
    case "view":
      // Agents may look at the queue before accepting, at chats they handled, and at the site's history (closed
      // chats are read-only transcripts every staff member may open, as History lists them).
      if (isLead(agent) || c.status === "queued" || c.status === "closed" || isAssignee(agent, c)) return c;
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
  visitor: Pick<VisitorDoc, "_id">,
  conversationId: Types.ObjectId | undefined,
): Promise<ConversationDoc | null> {
  if (!conversationId) return latestConversationOf(visitor._id);
  const c = await findConversation(conversationId);
  if (!c?.visitor.equals(visitor._id)) throw new AppError("NOT_FOUND", "Conversation not found");
  return c;
}

/**
 * The visitor's latest conversation, through the pointer kept on the visitor. Visitors from before the pointer
 * have no such field: their latest is looked up once the slow way and the pointer written.
 */
async function latestConversationOf(visitorId: Types.ObjectId): Promise<ConversationDoc | null> {
  const visitor = await Visitor.findById(visitorId)
    .select({ lastConversation: 1 })
    .lean<Pick<VisitorDoc, "lastConversation">>();
  if (!visitor) return null;
  if (visitor.lastConversation) return findConversation(visitor.lastConversation);
  if (visitor.lastConversation === null) return null;
  const [open, closed] = await Promise.all(
    [Conversation, ClosedConversation].map((m) =>
      m.findOne({ visitor: visitorId }).sort({ createdAt: -1 }).lean<ConversationDoc>().exec(),
    ),
  );
  const latest = open ?? closed ?? null;
  await Visitor.updateOne({ _id: visitorId }, { $set: { lastConversation: latest?._id ?? null } });
  return latest;
}
