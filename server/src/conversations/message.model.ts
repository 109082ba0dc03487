import { AUTHOR_KINDS } from "@parley/shared/constants";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";

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
// The delivery contract rests on these two: one seq per slot, one row per client send.
messageSchema.index({ conversation: 1, seq: 1 }, { unique: true });
messageSchema.index({ conversation: 1, clientMsgId: 1 }, { unique: true });

export type MessageDoc = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId };
export const Message = model("Message", messageSchema);
