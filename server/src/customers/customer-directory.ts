import type { CustomerDto, CustomerSaveInput } from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { ticketSettingsOf } from "../sites/ticket-settings.ts";
import { Customer, type CustomerDoc } from "./customer.model.ts";
import { toCustomerDto } from "./customer-dto.ts";

/** Every customer of the site, by name: read by the console's Admin page and by the REST API. */
export async function listCustomers(site: Types.ObjectId): Promise<CustomerDto[]> {
  const customers = await Customer.find({ site }).sort({ name: 1, _id: 1 }).lean<CustomerDoc[]>();
  return customers.map(toCustomerDto);
}

/** One customer of the site; another site's is not found. */
export async function customerOfSite(site: Types.ObjectId, customerId: string): Promise<CustomerDto> {
  const customer = await Customer.findOne({ _id: toObjectId(customerId), site }).lean<CustomerDoc>();
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found");
  return toCustomerDto(customer);
}

/** Creates (no id) or replaces a customer of the staff member's site, and tells the site's consoles. */
export async function saveCustomer(
  staff: StaffNamespace,
  agent: AgentDoc,
  input: CustomerSaveInput,
): Promise<CustomerDto> {
  const site = await siteOf(agent.site);
  await checkCustomer(site, input);
  const doc = {
    site: site._id,
    name: input.name,
    contacts: input.contacts,
    products: input.products,
    slaPlanId: input.slaPlanId,
  };
  let saved: CustomerDoc | null;
  if (input.id) {
    saved = await Customer.findOneAndUpdate(
      { _id: toObjectId(input.id), site: site._id },
      { $set: doc },
      { returnDocument: "after" },
    ).lean<CustomerDoc>();
    if (!saved) throw new AppError("NOT_FOUND", "Customer not found");
  } else {
    saved = (await Customer.create(doc)).toObject() as CustomerDoc;
  }
  const dto = toCustomerDto(saved);
  staff.to(rooms.siteStaff(site._id)).emit("customer:updated", dto);
  return dto;
}

/**
 * What the schema cannot know: products and plans must exist on the site, and a contact's email links to
 * one customer only, since tickets find their customer by it.
 */
async function checkCustomer(site: SiteDoc, input: CustomerSaveInput): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const products = new Set(site.products.map((p) => p.id));
  input.products.forEach((p, i) => {
    if (!products.has(p.product))
      issues.push({ path: `products.${i}.product`, message: "is not a product of this site" });
    if (input.products.findIndex((q) => q.product === p.product) !== i) {
      issues.push({ path: `products.${i}.product`, message: "is listed twice" });
    }
  });
  const plans = new Set(["standard", ...ticketSettingsOf(site).slaPlans.map((p) => p.id)]);
  if (!plans.has(input.slaPlanId)) issues.push({ path: "slaPlanId", message: "is not an SLA plan of this site" });
  const emails = input.contacts.map((c) => c.email);
  emails.forEach((email, i) => {
    if (emails.indexOf(email) !== i) issues.push({ path: `contacts.${i}.email`, message: "is listed twice" });
  });
  if (emails.length > 0) {
    const others = await Customer.find({
      site: site._id,
      "contacts.email": { $in: emails },
      ...(input.id ? { _id: { $ne: toObjectId(input.id) } } : {}),
    }).lean<CustomerDoc[]>();
    for (const other of others) {
      for (const contact of other.contacts) {
        const i = emails.indexOf(contact.email);
        if (i >= 0) issues.push({ path: `contacts.${i}.email`, message: `is already a contact of ${other.name}` });
      }
    }
  }
  const [first] = issues;
  if (first) throw new AppError("BAD_REQUEST", `${first.path} ${first.message}`, { issues });
}
