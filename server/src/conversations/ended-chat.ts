import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";
import { ClosedConversation, Conversation, type ConversationDoc } from "./conversation.model.ts";

/**
 * The visitor's own chat once it ended (to rate it or have its transcript emailed), by primary key: the history first,
 * where an ended chat is. Another visitor's chat is not found (ids cannot be probed); one still open is refused
 * (CONFLICT); one that closed a moment ago and is still being moved to the history (conversation-archive.ts) is
 * UNAVAILABLE, which the widget retries.
 */
export async function endedChatOf(visitor: VisitorRef, conversationId: Types.ObjectId): Promise<ConversationDoc> {
  const closed = await ClosedConversation.findById(conversationId).lean<ConversationDoc>();
  if (closed) {
    if (!closed.visitor.equals(visitor._id)) throw notFound();
    return closed;
  }
  const open = await Conversation.findById(conversationId).lean<ConversationDoc>();
  if (!open?.visitor.equals(visitor._id)) throw notFound();
  if (open.status === "closed") throw new AppError("UNAVAILABLE", "The chat is closing; try again in a moment");
  throw new AppError("CONFLICT", "This can be done once the chat has ended");
}

const notFound = () => new AppError("NOT_FOUND", "Conversation not found");
