import { model, Schema, type Types } from "mongoose";

/**
 * Which customer an email is a contact of, keyed by "<siteId>:<email>": a ticket's entitlement and an inbound
 * email's sender check find the customer in two primary-key reads, instead of a scan of every customer's
 * contacts (the only indexed filter on devdb is `_id`). Written whenever a customer is saved (customer.model.ts);
 * a key left behind by a contact since removed is caught on read, as the customer no longer lists the email.
 */
const customerContactSchema = new Schema(
  {
    _id: { type: String, required: true },
    customer: { type: Schema.Types.ObjectId, ref: "Customer", required: true },
  },
  { versionKey: false },
);

export interface CustomerContactDoc {
  _id: string;
  customer: Types.ObjectId;
}
export const CustomerContact = model("CustomerContact", customerContactSchema, "customer_contacts");

export const contactKey = (site: Types.ObjectId, email: string): string => `${site.toHexString()}:${email}`;

/** Points each of a customer's contacts' keys at it (a contact moved from another customer takes its key along). */
export async function keyContacts(customer: {
  _id: Types.ObjectId;
  site: Types.ObjectId;
  contacts: readonly { email: string }[];
}): Promise<void> {
  if (customer.contacts.length === 0) return;
  await CustomerContact.bulkWrite(
    customer.contacts.map((c) => ({
      updateOne: {
        filter: { _id: contactKey(customer.site, c.email.toLowerCase()) },
        update: { $set: { customer: customer._id } },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}
