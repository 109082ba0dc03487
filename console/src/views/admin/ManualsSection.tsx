import type { ManualArticleDto, Product } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useId, useState } from "preact/hooks";
import { command, failureOf } from "../../realtime/socket.ts";
import { type FormErrors, formErrors } from "../../state/issues.ts";
import {
  type ManualRow,
  manualRowsOf,
  manualsInput,
  manualsIssueLayout,
  newManualRow,
} from "../../state/manuals-form.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, FieldError, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { AddRowButton, RowList } from "./RowList.tsx";
import { useRowFocus } from "./useRowFocus.ts";

const UNANSWERED = "The server did not answer in time. Reload the page to see whether the articles were saved.";

/**
 * Manual articles per product (the policy: "consult the online manuals before creating a support
 * ticket"): the widget suggests them while a visitor writes a request, matched on keywords and title words.
 */
export function ManualsSection({ products }: { products: readonly Product[] }) {
  const session = useSession();
  const [rows, setRows] = useState<ManualRow[] | null>(null);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const focus = useRowFocus();
  const productIds = useId();

  useEffect(() => {
    void command(session.socket, "manuals:list", {}).then((result) => {
      if (result.ok) setRows(manualRowsOf(result.data.articles));
      else setErrors(formErrors(failureOf(result, UNANSWERED), manualsIssueLayout([])));
    });
  }, [session]);

  const change = (next: ManualRow[]) => {
    setRows(next);
    setSaved("");
  };
  const update = (key: string, edit: Partial<ManualRow>) =>
    change((rows ?? []).map((r) => (r.key === key ? { ...r, ...edit } : r)));

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !rows) return;
    const layout = manualsIssueLayout(rows);
    setBusy(true);
    setErrors(null);
    setSaved("");
    const result = await command(session.socket, "manuals:save", manualsInput(rows));
    setBusy(false);
    if (!result.ok) {
      setErrors(formErrors(failureOf(result, UNANSWERED), layout));
      return;
    }
    setRows(manualRowsOf(result.data.articles as ManualArticleDto[]));
    setSaved("Manual articles saved.");
  };

  return (
    <section class="page-section" aria-labelledby="admin-manuals">
      <h3 id="admin-manuals">Manual articles</h3>
      {rows === null ? (
        <>
          <ErrorSummary errors={errors} />
          {!errors && <p class="muted">Loading…</p>}
        </>
      ) : (
        <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy}>
          <p class="hint">
            Suggested to visitors while they write a request, so they can check the manual first. Keywords are words or
            short phrases, separated by commas; an article also matches on the words of its title.
          </p>
          <ErrorSummary errors={errors} />
          <RowList
            rows={rows}
            rowLabel="Article"
            empty="No manual articles."
            errorPath="articles"
            errors={errors}
            focus={focus}
            onChange={change}
            fields={(row, { at, firstControl }) => (
              <>
                <TextField
                  label="Title"
                  value={row.title}
                  inputRef={firstControl}
                  messages={at("title")}
                  onInput={(title) => update(row.key, { title })}
                />
                <TextField
                  label="Link"
                  type="url"
                  value={row.url}
                  hint="https:// only"
                  messages={at("url")}
                  onInput={(url) => update(row.key, { url })}
                />
                <TextField
                  label="Keywords"
                  value={row.keywords}
                  messages={at("keywords")}
                  onInput={(keywords) => update(row.key, { keywords })}
                />
                <div class="field">
                  <label for={`${productIds}-${row.key}`}>Product</label>
                  <select
                    id={`${productIds}-${row.key}`}
                    value={row.product}
                    onChange={(e) => update(row.key, { product: e.currentTarget.value })}
                  >
                    <option value="">Every product</option>
                    {products.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${productIds}-${row.key}-error`} messages={at("product")} />
                </div>
              </>
            )}
          />
          <div class="form-actions">
            <AddRowButton label="Add article" rows={rows} newRow={newManualRow} focus={focus} onChange={change} />
            <button type="submit" class="primary" aria-disabled={busy}>
              Save articles
            </button>
            <SavedStatus text={saved} />
          </div>
        </form>
      )}
    </section>
  );
}
