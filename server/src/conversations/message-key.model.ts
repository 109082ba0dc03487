import { model, Schema, type Types } from "mongoose";

/**
 * One row per message a client sent, keyed by "<conversation>:<clientMsgId>", holding the seq it was stored
 * under. Looking a resend up is then a primary-key read, and inserting the key is what claims the client's id:
 * of two concurrent sends of one id, exactly one insert succeeds, on MongoDB and on devdb alike.
 */
const messageKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { versionKey: false },
);

export interface MessageKeyDoc {
  _id: string;
  seq: number;
}
export const MessageKey = model("MessageKey", messageKeySchema, "message_keys");

export const messageKeyOf = (conversationId: Types.ObjectId, clientMsgId: string): string =>
  `${conversationId.toHexString()}:${clientMsgId}`;
