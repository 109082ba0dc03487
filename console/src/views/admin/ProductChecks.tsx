import type { Product } from "@parley/shared";
import { useId } from "preact/hooks";
import { FieldError } from "./FormErrors.tsx";

interface ProductChecksProps {
  /** The group's name, e.g. "Products" or "Products for Ana". */
  legend: string;
  legendHidden?: boolean;
  products: readonly Product[];
  selected: readonly string[];
  onToggle: (id: string, on: boolean) => void;
  messages?: readonly string[];
}

/** The product teams an agent belongs to: routing offers them those chats first. */
export function ProductChecks({
  legend,
  legendHidden,
  products,
  selected,
  onToggle,
  messages = [],
}: ProductChecksProps) {
  const errorId = useId();
  return (
    <fieldset class="checks" aria-describedby={messages.length ? errorId : undefined}>
      <legend class={legendHidden ? "sr-only" : undefined}>{legend}</legend>
      {products.length === 0 ? (
        <p class="muted">No products yet.</p>
      ) : (
        products.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={selected.includes(p.id)}
              onChange={(e) => onToggle(p.id, e.currentTarget.checked)}
            />{" "}
            {p.name}
          </label>
        ))
      )}
      <FieldError id={errorId} messages={messages} />
    </fieldset>
  );
}
