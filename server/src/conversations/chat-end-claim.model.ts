import { model, Schema, type Types } from "mongoose";

/**
 * What a visitor may do once per ended chat: rate it, have its transcript emailed. Keyed
 * "<conversation>:<action>", so inserting the row is what claims the action: of two at once (two tabs, two nodes)
 * exactly one insert succeeds. The closed chat itself is written by primary key only: on devdb any other filter on
 * the history reads all of it.
 */
const chatEndClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    /**
     * The rating that won (rating claims only): if the server stops between the claim and the chat's write, the
     * next attempt copies it onto the chat from here rather than leaving the chat claimed but never rated.
     */
    rating: {
      type: new Schema(
        {
          value: { type: String, required: true },
          comment: { type: String, default: null },
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
    },
  },
  { versionKey: false },
);

export const ChatEndClaim = model("ChatEndClaim", chatEndClaimSchema, "chat_end_claims");

export interface ChatEndClaimDoc {
  _id: string;
  at: Date;
  rating?: { value: string; comment: string | null; at: Date } | null;
}

export type ChatEndAction = "rating" | "transcript";

export const chatEndClaimOf = (conversationId: Types.ObjectId, action: ChatEndAction): string =>
  `${conversationId.toHexString()}:${action}`;
