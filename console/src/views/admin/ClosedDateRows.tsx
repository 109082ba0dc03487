import { useId } from "preact/hooks";
import { type ClosedDateRow, newClosedDateRow } from "../../state/hours-form.ts";
import { errorsAt, type FormErrors } from "../../state/issues.ts";
import { patchRow, removeRow } from "../../state/rows.ts";
import { FieldError } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { useRowFocus } from "./useRowFocus.ts";

interface ClosedDateRowsProps {
  rows: readonly ClosedDateRow[];
  errors: FormErrors | null;
  onChange: (rows: ClosedDateRow[]) => void;
}

/** Holidays: no weekly range that starts on these dates opens. Extra openings still do. */
export function ClosedDateRows({ rows, errors, onChange }: ClosedDateRowsProps) {
  const focus = useRowFocus();
  const listErrorId = useId();
  const patch = (key: string, change: Partial<ClosedDateRow>) => onChange(patchRow(rows, key, change));
  return (
    <fieldset class="row-group">
      <legend>Closed dates</legend>
      <FieldError id={listErrorId} messages={errorsAt(errors, "closedDates")} />
      {rows.length === 0 && <p class="muted">No closed dates.</p>}
      <ol class="edit-rows">
        {rows.map((row, i) => {
          const at = (field: string) => errorsAt(errors, `closedDates.${row.key}.${field}`);
          return (
            <li key={row.key}>
              <fieldset class="row-fields">
                <legend class="sr-only">Closed date {i + 1}</legend>
                <TextField
                  label="Date"
                  type="date"
                  value={row.date}
                  inputRef={focus.firstControl(row.key)}
                  messages={at("date")}
                  onInput={(date) => patch(row.key, { date })}
                />
                <TextField
                  label="Note"
                  value={row.note}
                  class="field--wide"
                  messages={at("note")}
                  onInput={(note) => patch(row.key, { note })}
                />
                <button
                  type="button"
                  class="quiet"
                  aria-label={`Remove closed date ${i + 1}`}
                  onClick={() => {
                    onChange(removeRow(rows, row.key));
                    focus.removed();
                  }}
                >
                  Remove
                </button>
                <FieldError id={`${row.key}-error`} messages={errorsAt(errors, `closedDates.${row.key}`)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        ref={focus.addRef}
        onClick={() => {
          const row = newClosedDateRow();
          focus.added(row.key);
          onChange([...rows, row]);
        }}
      >
        Add closed date
      </button>
    </fieldset>
  );
}
