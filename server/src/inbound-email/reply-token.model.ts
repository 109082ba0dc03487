import { model, Schema, type Types } from "mongoose";

/**
 * A ticket's reply address token (support+t-<token>@…), keyed by the token: a reply finds its ticket in one
 * primary-key read. The token is 128 random bits in lowercase hex, so it survives mail servers that fold the case
 * of local parts, and cannot be guessed: knowing a ticket's number is not enough to write on it.
 */
const replyTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    ticket: { type: Schema.Types.ObjectId, ref: "Ticket", required: true },
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
  },
  { versionKey: false },
);

export interface ReplyTokenDoc {
  _id: string;
  ticket: Types.ObjectId;
  site: Types.ObjectId;
}
export const ReplyToken = model("ReplyToken", replyTokenSchema, "ticket_reply_tokens");
