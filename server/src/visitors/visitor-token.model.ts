import { model, Schema, type Types } from "mongoose";

/**
 * A visitor's bearer token, keyed by its sha256: the widget's handshake is one primary-key read,
 * however many visitors have ever come. Only the hash is stored.
 */
const visitorTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    visitor: { type: Schema.Types.ObjectId, ref: "Visitor", required: true },
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    /**
     * Set when the token was minted for a verified identity, so a site that requires one checks it on
     * the handshake without reading the visitor. Absent: an anonymous session.
     */
    userId: { type: String },
  },
  { versionKey: false },
);

export interface VisitorTokenDoc {
  _id: string;
  visitor: Types.ObjectId;
  site: Types.ObjectId;
  userId?: string;
}
export const VisitorToken = model("VisitorToken", visitorTokenSchema, "visitor_tokens");
