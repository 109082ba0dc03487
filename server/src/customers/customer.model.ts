import { type InferSchemaType, model, Schema, type Types } from "mongoose";
import { keyContacts } from "./customer-contact.model.ts";

const contactSchema = new Schema(
  { name: { type: String, required: true }, email: { type: String, required: true } },
  { _id: false },
);

const customerProductSchema = new Schema(
  {
    product: { type: String, required: true },
    /** Local dates "YYYY-MM-DD" in the site's time zone. */
    finalRelease: { type: String, required: true },
    paidSupportUntil: { type: String, default: null },
  },
  { _id: false },
);

/** An organisation the site supports: its people (visitors are linked by email) and the products it runs. */
const customerSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    name: { type: String, required: true },
    contacts: { type: [contactSchema], default: [] },
    products: { type: [customerProductSchema], default: [] },
    slaPlanId: { type: String, required: true, default: "standard" },
  },
  { timestamps: true },
);
customerSchema.index({ site: 1, "contacts.email": 1 });
customerSchema.index({ site: 1, name: 1 });

// Every save keeps the contacts' keys (customer-contact.model.ts) in step, whoever writes: the admin page, the
// demo seed, tests.
customerSchema.post("save", async (doc) => keyContacts(doc));
customerSchema.post("findOneAndUpdate", async (doc: CustomerDoc | null) => {
  if (doc) await keyContacts(doc);
});

export type CustomerDoc = InferSchemaType<typeof customerSchema> & { _id: Types.ObjectId };
export const Customer = model("Customer", customerSchema);
