import type { CustomerDto } from "@parley/shared";
import type { CustomerDoc } from "./customer.model.ts";

export function toCustomerDto(c: CustomerDoc): CustomerDto {
  return {
    id: c._id.toHexString(),
    name: c.name,
    contacts: c.contacts.map((k) => ({ name: k.name, email: k.email })),
    products: c.products.map((p) => ({
      product: p.product,
      finalRelease: p.finalRelease,
      paidSupportUntil: p.paidSupportUntil ?? null,
    })),
    slaPlanId: c.slaPlanId,
  };
}
