import { WEEKDAYS, type Weekday } from "@parley/shared";
import { useId } from "preact/hooks";
import { nextWeeklyRow, type WeeklyRow } from "../../state/hours-form.ts";
import type { FormErrors } from "../../state/issues.ts";
import { FieldError, invalidProps } from "./FormErrors.tsx";
import { RowGroup } from "./RowList.tsx";
import { TimeSpanFields } from "./TimeSpanFields.tsx";

const DAY_LABELS: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

interface WeeklyRowsProps {
  rows: readonly WeeklyRow[];
  errors: FormErrors | null;
  onChange: (rows: WeeklyRow[]) => void;
}

/** The weekly template, one opening per row, in the site's time zone. */
export function WeeklyRows({ rows, errors, onChange }: WeeklyRowsProps) {
  return (
    <RowGroup
      legend="Weekly hours"
      rowLabel="Weekly range"
      addLabel="Add range"
      empty="No weekly hours: support opens only on extra openings."
      rows={rows}
      newRow={() => nextWeeklyRow(rows)}
      errorPath="weekly"
      errors={errors}
      onChange={onChange}
      fields={(row, { at, firstControl, patch }) => (
        <>
          <DayField value={row.day} messages={at("day")} selectRef={firstControl} onChange={(day) => patch({ day })} />
          <TimeSpanFields span={row} at={at} onChange={patch} />
        </>
      )}
    />
  );
}

interface DayFieldProps {
  value: Weekday;
  messages: readonly string[];
  selectRef: (el: HTMLElement | null) => void;
  onChange: (day: Weekday) => void;
}

const isWeekday = (value: string): value is Weekday => (WEEKDAYS as readonly string[]).includes(value);

function DayField({ value, messages, selectRef, onChange }: DayFieldProps) {
  const id = useId();
  const errorId = useId();
  return (
    <div class="field">
      <label for={id}>Day</label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        {...invalidProps(errorId, messages)}
        onChange={(e) => {
          const day = e.currentTarget.value;
          if (isWeekday(day)) onChange(day);
        }}
      >
        {WEEKDAYS.map((d) => (
          <option key={d} value={d}>
            {DAY_LABELS[d]}
          </option>
        ))}
      </select>
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
