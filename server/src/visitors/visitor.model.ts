import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const visitorSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    /** sha256 of the visitor's bearer token. */
    tokenHash: { type: String, required: true, unique: true },
    name: { type: String, default: null },
    email: { type: String, default: null },
    /** The host's user id when the visitor is a verified identity; null for anonymous visitors. */
    userId: { type: String, default: null },
    /**
     * The conversation the visitor started last, so the widget's "my latest chat" is a primary-key read. Null: none
     * yet. Absent on visitors created by older versions (looked up once, then written).
     */
    lastConversation: { type: Schema.Types.ObjectId, ref: "Conversation", default: null },
  },
  { timestamps: true },
);

export type VisitorDoc = InferSchemaType<typeof visitorSchema> & { _id: Types.ObjectId };
export const Visitor = model("Visitor", visitorSchema);
