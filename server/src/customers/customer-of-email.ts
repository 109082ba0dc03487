import type { Types } from "mongoose";
import { Customer, type CustomerDoc } from "./customer.model.ts";
import { CustomerContact, type CustomerContactDoc, contactKey, keyContacts } from "./customer-contact.model.ts";

/**
 * The customer a requester belongs to, by their email among the customer's contacts: two primary-key reads (the
 * contact's key, the customer), so a ticket or an inbound email pays the same however many customers there are. A
 * key whose customer no longer lists the email (a contact removed) counts as none.
 */
export async function customerOfEmail(site: Types.ObjectId, email: string | null): Promise<CustomerDoc | null> {
  if (!email) return null;
  // Emails are stored lowercased by the shared Email schema, on contacts and on visitors alike.
  const address = email.toLowerCase();
  const key = await CustomerContact.findById(contactKey(site, address)).lean<CustomerContactDoc>();
  if (!key) return null;
  const customer = await Customer.findById(key.customer).lean<CustomerDoc>();
  const listed = customer?.site.equals(site) && customer.contacts.some((c) => c.email.toLowerCase() === address);
  return listed ? customer : null;
}

/** The contacts of customers saved before they were keyed, written once (db/migrations.ts). */
export async function keyCustomerContacts(): Promise<number> {
  let n = 0;
  for await (const c of Customer.find({}).lean<CustomerDoc[]>().cursor()) {
    await keyContacts(c);
    n++;
  }
  return n;
}
