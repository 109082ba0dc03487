import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const visitorSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    /** sha256 of the visitor's bearer token. */
    tokenHash: { type: String, required: true, unique: true },
    name: { type: String, default: null },
    email: { type: String, default: null },
  },
  { timestamps: true },
);

export type VisitorDoc = InferSchemaType<typeof visitorSchema> & { _id: Types.ObjectId };
export const Visitor = model("Visitor", visitorSchema);
