import type { ComponentChildren } from "preact";
import type { FormErrors } from "../../state/issues.ts";
import { TextField } from "./fields.tsx";
import { type RowContext, RowGroup } from "./RowList.tsx";

type DatedRow = { readonly key: string; readonly date: string };

interface DatedRowsProps<R extends DatedRow> {
  /** "closed date" names the group "Closed dates", row 2 "Closed date 2" and the button "Add closed date". */
  noun: string;
  /** Where the rows' messages are in `errors` (see RowList). */
  errorPath: string;
  newRow: () => R;
  rows: readonly R[];
  errors: FormErrors | null;
  onChange: (rows: R[]) => void;
  /** The row's fields after its date. */
  rest: (row: R, context: RowContext<R>) => ComponentChildren;
}

/** Rows that each apply on one calendar date (closed dates, extra openings): the date first, then the rest. */
export function DatedRows<R extends DatedRow>({ noun, rest, ...props }: DatedRowsProps<R>) {
  const rowLabel = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <RowGroup
      {...props}
      legend={`${rowLabel}s`}
      rowLabel={rowLabel}
      addLabel={`Add ${noun}`}
      empty={`No ${noun}s.`}
      fields={(row, context) => (
        <>
          <TextField
            label="Date"
            type="date"
            value={row.date}
            inputRef={context.firstControl}
            messages={context.at("date")}
            // Every R has a string date, but TypeScript cannot see that `{ date }` fits Partial<R> for an unknown R.
            onInput={(date) => context.patch({ date } as Partial<R>)}
          />
          {rest(row, context)}
        </>
      )}
    />
  );
}
