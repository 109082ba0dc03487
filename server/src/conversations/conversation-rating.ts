import type { ChatRating } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";
import { ChatEndClaim, chatEndClaimOf } from "./chat-end-claim.model.ts";
import { ClosedConversation, type ConversationDoc } from "./conversation.model.ts";
import { endedChatOf } from "./ended-chat.ts";

/**
 * A visitor rates their chat once it ended (issue 14). Once and final (the widget says so before sending): a
 * rating that could change would have to be taken back out of the figures' counts, and a visitor who meant the
 * other button has the comment to say so. A retry of the same rating (its ack lost) is answered as the first was.
 * `fresh`: this call stored it (the staff and the figures are told once).
 */
export async function rateConversation(
  visitor: VisitorRef,
  conversationId: Types.ObjectId,
  input: { rating: ChatRating; comment?: string | undefined },
  now: Date,
): Promise<{ conversation: ConversationDoc; fresh: boolean }> {
  const comment = input.comment ? input.comment : null;
  const chat = await endedChatOf(visitor, conversationId);
  const same = (c: ConversationDoc) => c.rating?.value === input.rating && (c.rating.comment ?? null) === comment;
  const already = (c: ConversationDoc) => {
    if (same(c)) return { conversation: c, fresh: false };
    throw new AppError("CONFLICT", "This chat was already rated");
  };
  if (chat.rating) return already(chat);
  try {
    await ChatEndClaim.create({ _id: chatEndClaimOf(conversationId, "rating"), at: now });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Another tab's rating won the claim; its write may still be on its way, hence a second look.
    const again = await ClosedConversation.findById(conversationId).lean<ConversationDoc>();
    return already(again ?? chat);
  }
  const rating = { value: input.rating, comment, at: now };
  await ClosedConversation.updateOne({ _id: conversationId }, { $set: { rating } }, { timestamps: false });
  return { conversation: { ...chat, rating }, fresh: true };
}
