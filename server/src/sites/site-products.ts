import type { Product } from "@parley/shared";
import { AppError } from "../errors/app-error.ts";

/** The ids among `ids` that are not products of the site. */
export function unknownProducts(site: { products: readonly Product[] }, ids: readonly string[]): string[] {
  const known = new Set(site.products.map((p) => p.id));
  return ids.filter((id) => !known.has(id));
}

/**
 * A product id a visitor sent must be one of the site's: the schema only proves it is a well-formed
 * slug. Refused as BAD_REQUEST on `field`, like any other input problem.
 */
export function requireSiteProduct(
  site: { products: readonly Product[] },
  id: string | undefined,
  field: string,
): void {
  if (id !== undefined && unknownProducts(site, [id]).length > 0) {
    throw new AppError("BAD_REQUEST", `${field}: not one of this site's products`, {
      issues: [{ path: field, message: "not one of this site's products" }],
    });
  }
}
