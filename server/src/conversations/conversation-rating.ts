import type { ChatRating } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";
import { ChatEndClaim, type ChatEndClaimDoc, chatEndClaimOf } from "./chat-end-claim.model.ts";
import { ClosedConversation, type ConversationDoc } from "./conversation.model.ts";
import { endedChatOf } from "./ended-chat.ts";
import { markRated } from "./history-rating-mark.ts";

/**
 * A visitor rates their chat once it ended. Once and final (the widget says so before sending): a
 * rating that could change would have to be taken back out of the figures' counts, and a visitor who meant the
 * other button has the comment to say so. A retry of the same rating (its ack lost) is answered as the first was.
 * `written` is told of every write of the rating onto the chat (the staff and the figures follow it), also when the
 * call then answers CONFLICT.
 */
export async function rateConversation(
  visitor: VisitorRef,
  conversationId: Types.ObjectId,
  input: { rating: ChatRating; comment?: string | undefined },
  now: Date,
  written: (conversation: ConversationDoc) => void,
): Promise<ConversationDoc> {
  const comment = input.comment ? input.comment : null;
  const chat = await endedChatOf(visitor, conversationId);
  const same = (c: ConversationDoc) => c.rating?.value === input.rating && (c.rating.comment ?? null) === comment;
  const already = (c: ConversationDoc) => {
    if (same(c)) return c;
    throw new AppError("CONFLICT", "This chat was already rated");
  };
  if (chat.rating) return already(chat);
  const claimId = chatEndClaimOf(conversationId, "rating");
  const rating = { value: input.rating, comment, at: now };
  try {
    await ChatEndClaim.create({ _id: claimId, at: now, rating });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Another attempt won the claim (another tab, or this visitor's attempt cut short by a restart): the rating
    // is the one it holds. Written onto the chat here too, so a write the restart cut off is made good (and told:
    // the staff and the figures' row take the same value twice harmlessly).
    const claim = await ChatEndClaim.findById(claimId).lean<ChatEndClaimDoc>();
    if (!claim?.rating) throw new AppError("CONFLICT", "This chat was already rated");
    const won = { ...claim.rating, value: claim.rating.value as ChatRating };
    await ClosedConversation.updateOne({ _id: conversationId }, { $set: { rating: won } }, { timestamps: false });
    await markRated({ ...chat, rating: won });
    written({ ...chat, rating: won });
    return already({ ...chat, rating: won });
  }
  await ClosedConversation.updateOne({ _id: conversationId }, { $set: { rating } }, { timestamps: false });
  await markRated({ ...chat, rating });
  written({ ...chat, rating });
  return { ...chat, rating };
}
