import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const siteSchema = new Schema(
  {
    /** Public key pasted into the customer's script tag; not a secret. */
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    /** Exact origins (scheme://host[:port]) allowed to embed the widget. */
    allowedOrigins: { type: [String], default: [] },
  },
  { timestamps: true },
);

export type SiteDoc = InferSchemaType<typeof siteSchema> & { _id: Types.ObjectId };
export const Site = model("Site", siteSchema);
