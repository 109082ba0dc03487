import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { errorsAt, type FormErrors } from "../../state/issues.ts";
import { patchRow, removeRow } from "../../state/rows.ts";
import { FieldError } from "./FormErrors.tsx";
import { type RowFocus, useRowFocus } from "./useRowFocus.ts";

type Row = { readonly key: string };

/** What a row's fields are given. */
export interface RowContext<R extends Row> {
  /** The server's messages for one of the row's fields. */
  at: (field: string) => readonly string[];
  /** The ref for the row's first control, which takes focus when the row is added. */
  firstControl: (el: HTMLElement | null) => void;
  patch: (change: Partial<R>) => void;
}

interface RowListProps<R extends Row> {
  rows: readonly R[];
  /** "Weekly range" names row 2 "Weekly range 2", and its button "Remove weekly range 2". */
  rowLabel: string;
  empty: string;
  /** Where the rows' messages are in `errors`: "weekly" holds "weekly.<key>" and "weekly.<key>.<field>". */
  errorPath: string;
  errors: FormErrors | null;
  focus: RowFocus;
  onChange: (rows: R[]) => void;
  fields: (row: R, context: RowContext<R>) => ComponentChildren;
}

/** Editable rows, each a group of fields with its own Remove button and messages. */
export function RowList<R extends Row>(props: RowListProps<R>) {
  const { rows, rowLabel, errorPath, errors, focus, onChange } = props;
  return (
    <>
      {rows.length === 0 && <p class="muted">{props.empty}</p>}
      <ol class="edit-rows">
        {rows.map((row, i) => {
          const label = `${rowLabel} ${i + 1}`;
          const context: RowContext<R> = {
            at: (field) => errorsAt(errors, `${errorPath}.${row.key}.${field}`),
            firstControl: focus.firstControl(row.key),
            patch: (change) => onChange(patchRow(rows, row.key, change)),
          };
          return (
            <li key={row.key}>
              <fieldset class="row-fields">
                <legend class="sr-only">{label}</legend>
                {props.fields(row, context)}
                <button
                  type="button"
                  class="quiet"
                  aria-label={`Remove ${label.toLowerCase()}`}
                  onClick={() => {
                    onChange(removeRow(rows, row.key));
                    focus.removed();
                  }}
                >
                  Remove
                </button>
                <FieldError id={`${row.key}-error`} messages={errorsAt(errors, `${errorPath}.${row.key}`)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
    </>
  );
}

interface AddRowButtonProps<R extends Row> {
  label: string;
  rows: readonly R[];
  newRow: () => R;
  focus: RowFocus;
  onChange: (rows: R[]) => void;
}

/** Appends a row, whose first control then takes focus. */
export function AddRowButton<R extends Row>({ label, rows, newRow, focus, onChange }: AddRowButtonProps<R>) {
  return (
    <button
      type="button"
      ref={focus.addRef}
      onClick={() => {
        const row = newRow();
        focus.added(row.key);
        onChange([...rows, row]);
      }}
    >
      {label}
    </button>
  );
}

type RowGroupProps<R extends Row> = Omit<RowListProps<R>, "focus"> & {
  legend: string;
  addLabel: string;
  newRow: () => R;
};

/** A list of rows inside a larger form: a titled group with its own messages, the rows and an Add button. */
export function RowGroup<R extends Row>(props: RowGroupProps<R>) {
  const focus = useRowFocus();
  const listErrorId = useId();
  return (
    <fieldset class="row-group">
      <legend>{props.legend}</legend>
      <FieldError id={listErrorId} messages={errorsAt(props.errors, props.errorPath)} />
      <RowList {...props} focus={focus} />
      <AddRowButton
        label={props.addLabel}
        rows={props.rows}
        newRow={props.newRow}
        focus={focus}
        onChange={props.onChange}
      />
    </fieldset>
  );
}
