import type { Types } from "mongoose";
import { ClosedConversation, Conversation, type ConversationDoc } from "./conversation.model.ts";
import { historyFieldsOf } from "./history-fields.ts";
import { recordClosedChat } from "./history-record.ts";

/**
 * Told of each chat once it is in the history, before it leaves the open ones. Tickets sit above conversations, so
 * they plug in here: a ticket made while the chat was open marks its history row (tickets/chat-ticket-mark.ts).
 */
export type ArchiveHook = (conversationId: Types.ObjectId) => Promise<void>;

/**
 * Moves a closed chat from the open ones to the history. Written to the history first, then removed from the
 * open ones, both by primary key: a crash in between leaves a closed chat among the open ones, which every
 * reader already treats as closed and the next boot moves on (archiveLeftovers).
 */
export async function archiveConversation(closed: ConversationDoc, archived: ArchiveHook): Promise<void> {
  // The History search's fields, read from the messages once, here. A chat with no preview stored (from
  // before previews were kept) gets its opening line as one.
  const fields = await historyFieldsOf(closed);
  const stored = { ...closed, preview: closed.preview ?? fields.opening, hasTicket: false };
  // Through the driver, as read: the model would add its defaults, and a chat stored by an older version must not gain
  // `keyedMessages: true` (its messages would then be looked for under keys they were never stored under).
  await ClosedConversation.collection.replaceOne({ _id: closed._id }, stored, { upsert: true });
  // Its History row and its place in the visitor's list, then a ticket made while the chat was open.
  await recordClosedChat(stored, fields);
  await archived(closed._id);
  await Conversation.deleteOne({ _id: closed._id });
}

/** At boot: closed chats a crash left among the open ones (a scan of the open ones only). */
export async function archiveLeftovers(archived: ArchiveHook): Promise<number> {
  const leftovers = await Conversation.find({ status: "closed" }).lean<ConversationDoc[]>();
  for (const c of leftovers) await archiveConversation(c, archived);
  return leftovers.length;
}

/** A conversation, open or closed, by id: one or two primary-key reads. */
export async function findConversation(id: Types.ObjectId): Promise<ConversationDoc | null> {
  return (
    (await Conversation.findById(id).lean<ConversationDoc>()) ??
    (await ClosedConversation.findById(id).lean<ConversationDoc>())
  );
}
