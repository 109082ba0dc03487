import type { Product } from "@parley/shared";
import type { SelectHTMLAttributes } from "preact";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { products: readonly Product[] };

/** The optional product choice of both forms. "" means the visitor did not pick one, and is never sent. */
export function ProductSelect({ products, ...select }: Props) {
  return (
    <select {...select}>
      <option value="">Not sure</option>
      {products.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
