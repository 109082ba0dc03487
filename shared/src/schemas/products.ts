import { z } from "zod";

/** A product's stable id: a short slug, so it can sit in URLs and never carries an operator. */
export const ProductId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1-40 characters of a-z, 0-9 and -, starting with a letter or digit");
export type ProductId = z.infer<typeof ProductId>;

export const Product = z.strictObject({
  id: ProductId,
  name: z.string().trim().min(1, "product name is required").max(80, "product name is longer than 80 characters"),
});
export type Product = z.infer<typeof Product>;
