import { z } from "zod";
import { Email, ObjectIdString, PersonName } from "./primitives.ts";
import { ProductId } from "./products.ts";
import { SlaPlanId } from "./sla.ts";

/** A calendar date as an admin types it, "2026-03-01"; read in the site's time zone. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  // Round-tripped, as Date.parse rolls 30 February over into March instead of refusing it.
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, "is not a real date");

/** A person at the customer; visitors are linked to the customer by this email. */
export const CustomerContact = z.strictObject({ name: PersonName, email: Email });
export type CustomerContact = z.infer<typeof CustomerContact>;

/**
 * A product the customer runs (shared/spec/support-policy.txt, "60 days of free support after the final
 * software release"). Paid support, bought for issues found after those 60 days, covers through
 * `paidSupportUntil` (inclusive, site time zone).
 */
export const CustomerProduct = z.strictObject({
  product: ProductId,
  finalRelease: LocalDate,
  paidSupportUntil: LocalDate.nullable(),
});
export type CustomerProduct = z.infer<typeof CustomerProduct>;

/** `customer:save` (admins): create (no id) or replace a customer organisation. */
export const CustomerSaveInput = z.strictObject({
  id: ObjectIdString.optional(),
  name: z.string().trim().min(1, "customer name is required").max(120),
  contacts: z.array(CustomerContact).max(100, "at most 100 contacts"),
  products: z.array(CustomerProduct).max(50, "at most 50 products"),
  /** The SLA plan the customer's tickets run on: "standard" or a priority-support plan of the site. */
  slaPlanId: SlaPlanId,
});
export type CustomerSaveInput = z.infer<typeof CustomerSaveInput>;
