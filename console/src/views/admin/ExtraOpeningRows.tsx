import { type ExtraOpeningRow, newExtraOpeningRow } from "../../state/hours-form.ts";
import type { FormErrors } from "../../state/issues.ts";
import { TextField } from "./fields.tsx";
import { RowGroup } from "./RowList.tsx";
import { TimeSpanFields } from "./TimeSpanFields.tsx";

interface ExtraOpeningRowsProps {
  rows: readonly ExtraOpeningRow[];
  errors: FormErrors | null;
  onChange: (rows: ExtraOpeningRow[]) => void;
}

/** One-off openings (arranged weekend support); they apply even on a closed date. */
export function ExtraOpeningRows({ rows, errors, onChange }: ExtraOpeningRowsProps) {
  return (
    <RowGroup
      legend="Extra openings"
      rowLabel="Extra opening"
      addLabel="Add extra opening"
      empty="No extra openings."
      rows={rows}
      newRow={newExtraOpeningRow}
      errorPath="extraOpenings"
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
          <TimeSpanFields span={row} at={at} onChange={patch} />
        </>
      )}
    />
  );
}
