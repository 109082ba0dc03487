import type { Product } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { type FormErrors, formErrors } from "../../state/issues.ts";
import {
  newProductRow,
  type ProductRow,
  productRowsOf,
  productsInput,
  productsIssueLayout,
  withProductId,
  withProductName,
} from "../../state/products-form.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { AddRowButton, RowList } from "./RowList.tsx";
import { useRowFocus } from "./useRowFocus.ts";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the products were saved.";

/** The site's products, saved as a whole list: removing a row removes that product from every agent. */
export function ProductsSection({ products }: { products: readonly Product[] }) {
  const session = useSession();
  const [rows, setRows] = useState(() => productRowsOf(products));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const focus = useRowFocus();

  // Another admin's save shows here, unless this admin is in the middle of editing.
  useEffect(() => {
    if (!dirty) setRows(productRowsOf(products));
  }, [products]);

  const change = (next: ProductRow[]) => {
    setRows(next);
    setDirty(true);
    setSaved("");
  };
  const update = (key: string, edit: (row: ProductRow) => ProductRow) =>
    change(rows.map((r) => (r.key === key ? edit(r) : r)));

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const layout = productsIssueLayout(rows);
    setBusy(true);
    setErrors(null);
    setSaved("");
    const result = await session.admin.updateProducts(productsInput(rows));
    setBusy(false);
    if (!result.ok) {
      const error = failureOf(result, UNANSWERED);
      setErrors(formErrors(error, layout));
      return;
    }
    setRows(productRowsOf(result.data.site.products));
    setDirty(false);
    setSaved("Products saved.");
  };

  return (
    <section class="page-section" aria-labelledby="admin-products">
      <h3 id="admin-products">Products</h3>
      <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
        <p class="hint">
          Agents who support a product are offered its chats first. A product's id cannot change once saved.
        </p>
        <ErrorSummary errors={errors} />
        <RowList
          rows={rows}
          rowLabel="Product"
          empty="No products."
          errorPath="products"
          errors={errors}
          focus={focus}
          onChange={change}
          fields={(row, { at, firstControl }) => (
            <>
              <TextField
                label="Id"
                value={row.id}
                readOnly={row.saved}
                inputRef={firstControl}
                messages={at("id")}
                onInput={(id) => update(row.key, (r) => withProductId(r, id))}
              />
              <TextField
                label="Name"
                value={row.name}
                messages={at("name")}
                onInput={(name) => update(row.key, (r) => withProductName(r, name))}
              />
            </>
          )}
        />
        <div class="form-actions">
          <AddRowButton label="Add product" rows={rows} newRow={newProductRow} focus={focus} onChange={change} />
          <button type="submit" class="primary" aria-disabled={busy}>
            Save products
          </button>
          <SavedStatus text={saved} />
        </div>
      </form>
    </section>
  );
}
