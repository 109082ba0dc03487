import type { Product } from "@parley/shared";
import type { SelectHTMLAttributes } from "preact";
import { text } from "../i18n/language.ts";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { id: string; products: readonly Product[] };

/**
 * The optional, labelled product choice of both forms, shown only if the site has products. "" means the
 * visitor did not pick one, and is never sent.
 */
export function ProductField({ products, ...select }: Props) {
  if (products.length === 0) return null;
  const t = text();
  return (
    <div class="field">
      <label for={select.id}>{t.product}</label>
      <select {...select}>
        <option value="">{t.notSure}</option>
        {products.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
