import type { ChatSide } from "@parley/shared";
import { AppError } from "../errors/app-error.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";
import type { ConversationBroadcaster } from "./conversation-broadcaster.ts";

const FIELD = { visitor: "visitorReadSeq", agent: "agentReadSeq" } as const;

/**
 * Raises one side's read mark of an open chat to `seq` ("Seen"), and tells the other side. Stored as the
 * highest seq read, with `$max` in one primary-key update, so marks from several tabs or a late resend never lower
 * it; never a message. A seq past the chat's last (as just read) is clamped to it: a client cannot claim to have
 * read what does not exist yet. Answers the mark as it now stands.
 */
export async function raiseReadMark(
  conversation: ConversationDoc,
  side: ChatSide,
  seq: number,
  broadcaster: ConversationBroadcaster,
): Promise<number> {
  const field = FIELD[side];
  const target = Math.min(seq, conversation.lastSeq);
  const current = conversation[field] ?? 0;
  if (target <= current) return current;
  const before = (await Conversation.collection.findOneAndUpdate(
    { _id: conversation._id },
    { $max: { [field]: target } },
    { returnDocument: "before" },
  )) as ConversationDoc | null;
  if (!before || before.status === "closed") {
    throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
  }
  const previous = before[field] ?? 0;
  if (target > previous) {
    broadcaster.readMarkMoved(before, { conversationId: conversation._id.toHexString(), side, seq: target });
  }
  return Math.max(previous, target);
}
