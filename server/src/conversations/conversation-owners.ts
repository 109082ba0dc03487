import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";
import { findConversation } from "./conversation-archive.ts";

/** What never changes about a conversation: whose it is, on which site, under which name. */
export interface ConversationOwner {
  site: Types.ObjectId;
  visitor: Types.ObjectId;
  visitorName: string;
}

/** Recently used conversations; the rest are read again (one primary-key read each). */
const MAX_REMEMBERED = 20_000;
const owners = new Map<string, ConversationOwner>();

/**
 * The visitor's own conversation, open or closed, as far as a message needs it: its owner facts are
 * immutable, so once read they are kept, and a visitor's message costs no read to authorize. Whether the chat is
 * still open is decided where its seq is taken (MessageLog), from the conversation as it is then.
 */
export async function visitorsConversation(
  visitor: VisitorRef,
  conversationId: Types.ObjectId,
): Promise<ConversationOwner> {
  const key = conversationId.toHexString();
  let owner = owners.get(key);
  if (!owner) {
    const c = await findConversation(conversationId);
    if (!c) throw new AppError("NOT_FOUND", "Conversation not found");
    owner = { site: c.site, visitor: c.visitor, visitorName: c.visitorName };
    if (owners.size >= MAX_REMEMBERED) owners.delete(owners.keys().next().value as string);
    owners.set(key, owner);
  }
  if (!owner.visitor.equals(visitor._id)) throw new AppError("NOT_FOUND", "Conversation not found");
  return owner;
}
