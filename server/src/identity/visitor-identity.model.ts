import { model, Schema, type Types } from "mongoose";

/**
 * Which visitor a verified user is on a site, keyed `"<siteId>:<userId>"`: a second device of the same
 * user finds them with one primary-key read, and the key being unique is what makes two first sign-ins at once end
 * up as one visitor. Only a verified identity ever writes here; emails never join two visitors.
 */
const visitorIdentitySchema = new Schema(
  {
    _id: { type: String, required: true },
    visitor: { type: Schema.Types.ObjectId, ref: "Visitor", required: true },
  },
  { versionKey: false, timestamps: { createdAt: true, updatedAt: false } },
);

export interface VisitorIdentityDoc {
  _id: string;
  visitor: Types.ObjectId;
}
export const VisitorIdentity = model("VisitorIdentity", visitorIdentitySchema, "visitor_identities");

export const identityKey = (siteId: Types.ObjectId, userId: string): string => `${siteId.toHexString()}:${userId}`;
