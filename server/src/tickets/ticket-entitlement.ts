import type { EntitlementDto } from "@parley/shared";
import type { Types } from "mongoose";
import type { CustomerDoc } from "../customers/customer.model.ts";
import { customerOfEmail } from "../customers/customer-of-email.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { entitlementAt } from "./entitlement.ts";

export interface TicketCoverage {
  customer: CustomerDoc | null;
  entitlement: EntitlementDto;
  /** Created without entitlement: "none", or "unknown" because nothing links the requester to a product. */
  flagged: boolean;
}

/** Who the requester is a contact of, and whether that customer's product is covered today. */
export async function coverageOf(
  site: SiteDoc,
  requesterEmail: string | null,
  product: string | null,
  now: Date,
): Promise<TicketCoverage> {
  const customer = await customerOfEmail(site._id as Types.ObjectId, requesterEmail);
  const unknown = (reason: string): TicketCoverage => ({
    customer,
    entitlement: { kind: "unknown", reason },
    flagged: true,
  });
  if (!requesterEmail) return unknown("the requester gave no email, so no customer is linked");
  if (!customer) return unknown(`no customer has ${requesterEmail} as a contact`);
  if (!product) return unknown("no product was chosen");
  const owned = customer.products.find((p) => p.product === product);
  if (!owned) return unknown(`${customer.name} has no release of this product on record`);
  const e = entitlementAt(
    { finalRelease: owned.finalRelease, paidSupportUntil: owned.paidSupportUntil ?? null },
    site.supportHours.timeZone,
    now,
  );
  const entitlement: EntitlementDto =
    e.kind === "none"
      ? { kind: "none", freeEndedAt: e.freeEndedAt.toISOString() }
      : { kind: e.kind, until: e.until.toISOString() };
  return { customer, entitlement, flagged: e.kind === "none" };
}
