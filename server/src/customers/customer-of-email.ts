import type { Types } from "mongoose";
import { Customer, type CustomerDoc } from "./customer.model.ts";

/** The customer a requester belongs to, by their email among the customer's contacts. */
export function customerOfEmail(site: Types.ObjectId, email: string | null): Promise<CustomerDoc | null> {
  if (!email) return Promise.resolve(null);
  // Emails are stored lowercased by the shared Email schema, on contacts and on visitors alike.
  return Customer.findOne({ site, "contacts.email": email.toLowerCase() }).lean<CustomerDoc>().exec();
}
