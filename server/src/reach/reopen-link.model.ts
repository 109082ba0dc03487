import { model, Schema, type Types } from "mongoose";

/**
 * A link from a "reply while you were away" email back into one chat. Keyed by the sha256 of its token,
 * so following it is one primary-key read; only the hash is stored. It expires; an expired row is refused (nothing
 * sweeps them yet: one row per away-email, at most one per chat per 15 minutes).
 */
const reopenLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    visitor: { type: Schema.Types.ObjectId, ref: "Visitor", required: true },
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    conversation: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface ReopenLinkDoc {
  _id: string;
  visitor: Types.ObjectId;
  site: Types.ObjectId;
  conversation: Types.ObjectId;
  expiresAt: Date;
}
export const ReopenLink = model("ReopenLink", reopenLinkSchema, "reopen_links");
