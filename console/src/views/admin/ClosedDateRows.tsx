import { type ClosedDateRow, newClosedDateRow } from "../../state/hours-form.ts";
import type { FormErrors } from "../../state/issues.ts";
import { TextField } from "./fields.tsx";
import { RowGroup } from "./RowList.tsx";

interface ClosedDateRowsProps {
  rows: readonly ClosedDateRow[];
  errors: FormErrors | null;
  onChange: (rows: ClosedDateRow[]) => void;
}

/** Holidays: no weekly range that starts on these dates opens. Extra openings still do. */
export function ClosedDateRows({ rows, errors, onChange }: ClosedDateRowsProps) {
  return (
    <RowGroup
      legend="Closed dates"
      rowLabel="Closed date"
      addLabel="Add closed date"
      empty="No closed dates."
      rows={rows}
      newRow={newClosedDateRow}
      errorPath="closedDates"
      errors={errors}
      onChange={onChange}
      fields={(row, { at, firstControl, patch }) => (
        <>
          <TextField
            label="Date"
            type="date"
            value={row.date}
            inputRef={firstControl}
            messages={at("date")}
            onInput={(date) => patch({ date })}
          />
          <TextField
            label="Note"
            value={row.note}
            class="field--wide"
            messages={at("note")}
            onInput={(note) => patch({ note })}
          />
        </>
      )}
    />
  );
}
