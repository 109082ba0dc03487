import type { AttachmentDto } from "@parley/shared";
import type { AuthorKind } from "@parley/shared/constants";
import { SYNC_PAGE_SIZE } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import type { ConversationDoc } from "./conversation.model.ts";
import { Message, type MessageDoc, messageIdOf } from "./message.model.ts";

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

/** The row a new message is stored as. */
export function messageRow(input: NewMessage, seq: number, createdAt: Date): MessageDoc {
  return {
    _id: messageIdOf(input.conversationId, seq),
    conversation: input.conversationId,
    seq,
    clientMsgId: input.clientMsgId,
    authorKind: input.author.kind,
    authorId: input.author.id,
    authorName: input.author.name,
    body: input.body,
    internal: input.internal ?? false,
    attachments: input.attachments ?? [],
    createdAt,
  };
}

/**
 * A resend comes from whoever sent the original: an id reused by someone else (or a note's id reused for a
 * visible message) is refused rather than answered with the stored message, which may be staff-only.
 */
export function sameSender(stored: MessageDoc, input: NewMessage): MessageDoc {
  const sameAuthor =
    stored.authorKind === input.author.kind &&
    (stored.authorId?.toHexString() ?? null) === (input.author.id?.toHexString() ?? null) &&
    (stored.internal ?? false) === (input.internal ?? false);
  if (!sameAuthor) throw new AppError("CONFLICT", "This message id is already used by another message");
  return stored;
}

export function storedMessage(conversationId: Types.ObjectId, seq: number): Promise<MessageDoc | null> {
  return Message.findById(messageIdOf(conversationId, seq)).lean<MessageDoc>().exec();
}

/** Stored before message keys existed: found by its fields, which on devdb reads every message. */
export function legacyMessage(conversationId: Types.ObjectId, clientMsgId: string): Promise<MessageDoc | null> {
  return Message.findOne({ conversation: conversationId, clientMsgId }).lean<MessageDoc>().exec();
}

/** Reads at once while a resync fetches by key; enough to overlap the round trips without flooding the pool. */
const READ_AHEAD = 32;

/**
 * One page of messages after `afterSeq`, ascending, and whether more remain; visitors get no internal notes.
 * Each seq up to the conversation's last is read by primary key, so the cost is what the caller missed, never
 * the size of the history. `settled` (MessageLog) first waits for a batch of the conversation still being
 * stored; after it, a seq with no message is one that never will have one (a resend's, or a refused send's).
 */
export async function messagesAfter(
  conversation: ConversationDoc,
  afterSeq: number,
  audience: "staff" | "visitor",
  settled: (id: Types.ObjectId) => Promise<void>,
): Promise<{ messages: MessageDoc[]; hasMore: boolean }> {
  // Read after the conversation was: its seqs up to lastSeq must be stored before any of them is read.
  await settled(conversation._id);
  if (!conversation.keyedMessages) return legacyMessagesAfter(conversation._id, afterSeq, audience);
  const messages: MessageDoc[] = [];
  let seq = Math.max(0, afterSeq);
  while (seq < conversation.lastSeq && messages.length < SYNC_PAGE_SIZE) {
    const upTo = Math.min(conversation.lastSeq, seq + READ_AHEAD);
    const seqs = Array.from({ length: upTo - seq }, (_, i) => seq + 1 + i);
    const rows = await Promise.all(seqs.map((s) => storedMessage(conversation._id, s)));
    for (const row of rows) {
      seq++;
      if (!row || (audience === "visitor" && row.internal)) continue;
      messages.push(row);
      if (messages.length === SYNC_PAGE_SIZE) break;
    }
  }
  return { messages, hasMore: seq < conversation.lastSeq };
}

/** Conversations stored by older versions may hold messages under ObjectIds: they are found by query. */
async function legacyMessagesAfter(
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
