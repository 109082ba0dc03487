import { useId } from "preact/hooks";
import { type ExtraOpeningRow, newExtraOpeningRow } from "../../state/hours-form.ts";
import { errorsAt, type FormErrors } from "../../state/issues.ts";
import { patchRow, removeRow } from "../../state/rows.ts";
import { FieldError } from "./FormErrors.tsx";
import { CheckField, TextField } from "./fields.tsx";
import { useRowFocus } from "./useRowFocus.ts";

interface ExtraOpeningRowsProps {
  rows: readonly ExtraOpeningRow[];
  errors: FormErrors | null;
  onChange: (rows: ExtraOpeningRow[]) => void;
}

/** One-off openings (arranged weekend support); they apply even on a closed date. */
export function ExtraOpeningRows({ rows, errors, onChange }: ExtraOpeningRowsProps) {
  const focus = useRowFocus();
  const listErrorId = useId();
  const patch = (key: string, change: Partial<ExtraOpeningRow>) => onChange(patchRow(rows, key, change));
  return (
    <fieldset class="row-group">
      <legend>Extra openings</legend>
      <FieldError id={listErrorId} messages={errorsAt(errors, "extraOpenings")} />
      {rows.length === 0 && <p class="muted">No extra openings.</p>}
      <ol class="edit-rows">
        {rows.map((row, i) => {
          const at = (field: string) => errorsAt(errors, `extraOpenings.${row.key}.${field}`);
          return (
            <li key={row.key}>
              <fieldset class="row-fields">
                <legend class="sr-only">Extra opening {i + 1}</legend>
                <TextField
                  label="Date"
                  type="date"
                  value={row.date}
                  inputRef={focus.firstControl(row.key)}
                  messages={at("date")}
                  onInput={(date) => patch(row.key, { date })}
                />
                <TextField
                  label="Opens"
                  type="time"
                  value={row.start}
                  messages={at("start")}
                  onInput={(start) => patch(row.key, { start })}
                />
                <TextField
                  label="Closes"
                  type="time"
                  value={row.end}
                  messages={at("end")}
                  onInput={(end) => patch(row.key, { end })}
                />
                <CheckField
                  label="Ends next day"
                  checked={row.endsNextDay}
                  messages={at("endsNextDay")}
                  onChange={(endsNextDay) => patch(row.key, { endsNextDay })}
                />
                <button
                  type="button"
                  class="quiet"
                  aria-label={`Remove extra opening ${i + 1}`}
                  onClick={() => {
                    onChange(removeRow(rows, row.key));
                    focus.removed();
                  }}
                >
                  Remove
                </button>
                <FieldError id={`${row.key}-error`} messages={errorsAt(errors, `extraOpenings.${row.key}`)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        ref={focus.addRef}
        onClick={() => {
          const row = newExtraOpeningRow();
          focus.added(row.key);
          onChange([...rows, row]);
        }}
      >
        Add extra opening
      </button>
    </fieldset>
  );
}
