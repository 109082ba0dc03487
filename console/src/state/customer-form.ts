import type { CustomerDto, CustomerSaveInput } from "@parley/shared";
import type { IssueLayout } from "./issues.ts";
import { newRowKey } from "./rows.ts";

export interface ContactRow {
  readonly key: string;
  readonly name: string;
  readonly email: string;
}

export interface CustomerProductRow {
  readonly key: string;
  readonly product: string;
  /** "YYYY-MM-DD", as a date input holds it. */
  readonly finalRelease: string;
  /** "" when the customer bought no paid support. */
  readonly paidSupportUntil: string;
}

/** The admin's customer editor: a new customer has no id. */
export interface CustomerForm {
  readonly id: string | null;
  readonly name: string;
  readonly contacts: readonly ContactRow[];
  readonly products: readonly CustomerProductRow[];
  readonly slaPlanId: string;
}

export function customerFormOf(customer: CustomerDto | null): CustomerForm {
  if (!customer) return { id: null, name: "", contacts: [newContactRow()], products: [], slaPlanId: "standard" };
  return {
    id: customer.id,
    name: customer.name,
    contacts: customer.contacts.map((c) => ({ key: newRowKey(), name: c.name, email: c.email })),
    products: customer.products.map((p) => ({
      key: newRowKey(),
      product: p.product,
      finalRelease: p.finalRelease,
      paidSupportUntil: p.paidSupportUntil ?? "",
    })),
    slaPlanId: customer.slaPlanId,
  };
}

export function newContactRow(): ContactRow {
  return { key: newRowKey(), name: "", email: "" };
}

export function newCustomerProductRow(product = ""): CustomerProductRow {
  return { key: newRowKey(), product, finalRelease: "", paidSupportUntil: "" };
}

/** The `customer:save` payload: text trimmed, an empty paid-support date sent as none. */
export function customerInput(form: CustomerForm): CustomerSaveInput {
  const input: CustomerSaveInput = {
    name: form.name.trim(),
    contacts: form.contacts.map((c) => ({ name: c.name.trim(), email: c.email.trim() })),
    products: form.products.map((p) => ({
      product: p.product,
      finalRelease: p.finalRelease.trim(),
      paidSupportUntil: p.paidSupportUntil.trim() === "" ? null : p.paidSupportUntil.trim(),
    })),
    slaPlanId: form.slaPlanId,
  };
  if (form.id) input.id = form.id;
  return input;
}

/** Where the server's issues go ("contacts.1.email" → the second contact row's Email). */
export function customerIssueLayout(form: CustomerForm): IssueLayout {
  return {
    lists: { contacts: form.contacts.map((c) => c.key), products: form.products.map((p) => p.key) },
    labels: {
      name: "Name",
      contacts: "Contact",
      email: "Email",
      products: "Product",
      product: "Product",
      finalRelease: "Final release",
      paidSupportUntil: "Paid support until",
      slaPlanId: "SLA plan",
    },
  };
}
