import type { Product, ProductsUpdateInput } from "@parley/shared";
import type { IssueLayout } from "./issues.ts";
import { newRowKey } from "./rows.ts";

export interface ProductRow {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  /**
   * The id is already stored: agents' tags and chats refer to it, so it is shown but not edited (a new id
   * would be a different product, and agents would lose the old tag).
   */
  readonly saved: boolean;
  /** The admin typed an id themselves, so it no longer follows the name. */
  readonly idTyped: boolean;
}

export function productRowsOf(products: readonly Product[]): ProductRow[] {
  return products.map((p) => ({ key: newRowKey(), id: p.id, name: p.name, saved: true, idTyped: true }));
}

export function newProductRow(): ProductRow {
  return { key: newRowKey(), id: "", name: "", saved: false, idTyped: false };
}

/** Typing a new product's name suggests its id, until the admin edits the id. */
export function withProductName(row: ProductRow, name: string): ProductRow {
  return row.saved || row.idTyped ? { ...row, name } : { ...row, name, id: slugify(name) };
}

export function withProductId(row: ProductRow, id: string): ProductRow {
  return row.saved ? row : { ...row, id, idTyped: id !== "" };
}

/** "Billing & Payments" → "billing-payments": the shape ProductId accepts (a-z, 0-9, -; at most 40). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export function productsInput(rows: readonly ProductRow[]): ProductsUpdateInput {
  return { products: rows.map((r) => ({ id: r.id.trim(), name: r.name.trim() })) };
}

export function productsIssueLayout(rows: readonly ProductRow[]): IssueLayout {
  return { lists: { products: rows.map((r) => r.key) }, labels: { products: "Product", id: "Id", name: "Name" } };
}
