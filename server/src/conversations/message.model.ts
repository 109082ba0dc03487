import type { AttachmentDto } from "@parley/shared";
import { AUTHOR_KINDS, type AuthorKind } from "@parley/shared/constants";
import { model, Schema, type Types } from "mongoose";

/** A file's description, copied onto the message so a transcript reads without a second query. */
export const attachmentSnapshotSchema = new Schema(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    url: { type: String, required: true },
    createdAt: { type: String, required: true },
  },
  { _id: false },
);

const messageSchema = new Schema({
  /**
   * "<conversation>:<seq>" (see messageIdOf): a resync reads the seqs it missed by primary key, the one lookup
   * that stays fast as history grows on every backend. Messages stored by older versions keep an ObjectId.
   */
  _id: { type: Schema.Types.Mixed, required: true },
  conversation: { type: Schema.Types.ObjectId, ref: "Conversation", required: true },
  seq: { type: Number, required: true },
  clientMsgId: { type: String, required: true },
  authorKind: { type: String, enum: AUTHOR_KINDS, required: true },
  authorId: { type: Schema.Types.ObjectId, default: null },
  authorName: { type: String, required: true },
  body: { type: String, required: true },
  /** Staff-only (a transfer note): left out of everything the visitor receives. */
  internal: { type: Boolean, default: false },
  attachments: { type: [attachmentSnapshotSchema], default: [] },
  createdAt: { type: Date, required: true, default: () => new Date() },
});
// The delivery contract: one row per client send. Inserting a message is what claims its client id (this index
// refuses a second one, on MongoDB and devdb alike); one seq per slot is its primary key ("<conversation>:<seq>"),
// and was a unique (conversation, seq) index in older versions, which every insert paid for.
messageSchema.index({ conversation: 1, clientMsgId: 1 }, { unique: true });

/** A stored message, as read with lean(). */
export interface MessageDoc {
  _id: string | Types.ObjectId;
  conversation: Types.ObjectId;
  seq: number;
  clientMsgId: string;
  authorKind: AuthorKind;
  authorId: Types.ObjectId | null;
  authorName: string;
  body: string;
  internal: boolean;
  attachments: AttachmentDto[];
  createdAt: Date;
}
export const Message = model("Message", messageSchema);

/** The primary key of a conversation's message number `seq`. */
export const messageIdOf = (conversationId: Types.ObjectId, seq: number): string =>
  `${conversationId.toHexString()}:${seq}`;
