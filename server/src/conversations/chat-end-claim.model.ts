import { model, Schema, type Types } from "mongoose";

/**
 * What a visitor may do once per ended chat (issue 14): rate it, have its transcript emailed. Keyed
 * "<conversation>:<action>", so inserting the row is what claims the action: of two at once (two tabs, two nodes)
 * exactly one insert succeeds. The closed chat itself is written by primary key only: on devdb any other filter on
 * the history reads all of it.
 */
const chatEndClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const ChatEndClaim = model("ChatEndClaim", chatEndClaimSchema, "chat_end_claims");

export type ChatEndAction = "rating" | "transcript";

export const chatEndClaimOf = (conversationId: Types.ObjectId, action: ChatEndAction): string =>
  `${conversationId.toHexString()}:${action}`;
