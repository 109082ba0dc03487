import type { AttachmentDto } from "@parley/shared";
import type { AuthorKind } from "@parley/shared/constants";
import { SYNC_PAGE_SIZE } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";
import { Message, type MessageDoc } from "./message.model.ts";

export interface NewMessage {
  conversationId: Types.ObjectId;
  clientMsgId: string;
  author: { kind: AuthorKind; id: Types.ObjectId | null; name: string };
  body: string;
  /** Staff-only; visitors never receive it. */
  internal?: boolean;
  /** Files already uploaded to this conversation (checked by the caller). */
  attachments?: AttachmentDto[];
}

export interface AppendResult {
  message: MessageDoc;
  /** The conversation after the seq was taken; null when the message already existed. */
  conversation: ConversationDoc | null;
}

/**
 * Stores a message exactly once per (conversation, clientMsgId) and gives it the next seq.
 * The seq comes from an atomic $inc on the conversation, so two processes never hand out
 * the same one. A retry (same clientMsgId) returns the stored message unchanged. A seq
 * taken by a losing concurrent retry is left unused: seqs are increasing, not gap-free,
 * and clients resync with "after seq N", which gaps do not disturb.
 */
export async function appendMessage(input: NewMessage): Promise<AppendResult> {
  const existing = await findByClientMsgId(input.conversationId, input.clientMsgId);
  if (existing) return { message: sameSender(existing, input), conversation: null };

  const now = new Date();
  // Who spoke last, for the supervisors' wall ("unanswered for 3 min") and the figures; notes and
  // Parley's own lines are not an answer.
  const spoke = input.internal
    ? null
    : input.author.kind === "visitor"
      ? "lastVisitorMessageAt"
      : input.author.kind === "agent"
        ? "lastAgentMessageAt"
        : null;
  let conversation = await Conversation.findOneAndUpdate(
    { _id: input.conversationId, status: { $ne: "closed" } },
    { $inc: { lastSeq: 1 }, ...(spoke ? { $set: { [spoke]: now } } : {}) },
    { returnDocument: "after" },
  ).lean<ConversationDoc>();
  if (!conversation) throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
  if (spoke === "lastAgentMessageAt" && !conversation.firstAgentReplyAt) {
    // Guarded on it being unset, so the first reply's time stays whatever else races it.
    await Conversation.updateOne(
      { _id: conversation._id, firstAgentReplyAt: null },
      { $set: { firstAgentReplyAt: now } },
    );
    conversation = { ...conversation, firstAgentReplyAt: now };
  }

  try {
    const created = await Message.create({
      conversation: input.conversationId,
      seq: conversation.lastSeq,
      clientMsgId: input.clientMsgId,
      authorKind: input.author.kind,
      authorId: input.author.id,
      authorName: input.author.name,
      body: input.body,
      internal: input.internal ?? false,
      attachments: input.attachments ?? [],
    });
    return { message: created.toObject() as MessageDoc, conversation };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const raced = await findByClientMsgId(input.conversationId, input.clientMsgId);
    if (!raced) throw err;
    return { message: sameSender(raced, input), conversation: null };
  }
}

/**
 * A resend comes from whoever sent the original: an id reused by someone else (or a note's id reused for a
 * visible message) is refused rather than answered with the stored message, which may be staff-only.
 */
function sameSender(stored: MessageDoc, input: NewMessage): MessageDoc {
  const sameAuthor =
    stored.authorKind === input.author.kind &&
    (stored.authorId?.toHexString() ?? null) === (input.author.id?.toHexString() ?? null) &&
    (stored.internal ?? false) === (input.internal ?? false);
  if (!sameAuthor) throw new AppError("CONFLICT", "This message id is already used by another message");
  return stored;
}

function findByClientMsgId(conversationId: Types.ObjectId, clientMsgId: string): Promise<MessageDoc | null> {
  return Message.findOne({ conversation: conversationId, clientMsgId }).lean<MessageDoc>().exec();
}

/** One page of messages after `afterSeq`, ascending, and whether more remain; visitors get no internal notes. */
export async function messagesAfter(
  conversationId: Types.ObjectId,
  afterSeq: number,
  audience: "staff" | "visitor",
): Promise<{ messages: MessageDoc[]; hasMore: boolean }> {
  const rows = await Message.find({
    conversation: conversationId,
    seq: { $gt: afterSeq },
    ...(audience === "visitor" ? { internal: { $ne: true } } : {}),
  })
    .sort({ seq: 1 })
    .limit(SYNC_PAGE_SIZE + 1)
    .lean<MessageDoc[]>();
  return { messages: rows.slice(0, SYNC_PAGE_SIZE), hasMore: rows.length > SYNC_PAGE_SIZE };
}
