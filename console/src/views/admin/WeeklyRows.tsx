import { WEEKDAYS, type Weekday } from "@parley/shared";
import { useId } from "preact/hooks";
import { nextWeeklyRow, type WeeklyRow } from "../../state/hours-form.ts";
import { errorsAt, type FormErrors } from "../../state/issues.ts";
import { patchRow, removeRow } from "../../state/rows.ts";
import { FieldError, invalidProps } from "./FormErrors.tsx";
import { CheckField, TextField } from "./fields.tsx";
import { useRowFocus } from "./useRowFocus.ts";

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
  const focus = useRowFocus();
  const listErrorId = useId();
  const patch = (key: string, change: Partial<WeeklyRow>) => onChange(patchRow(rows, key, change));
  return (
    <fieldset class="row-group">
      <legend>Weekly hours</legend>
      <FieldError id={listErrorId} messages={errorsAt(errors, "weekly")} />
      {rows.length === 0 && <p class="muted">No weekly hours: support opens only on extra openings.</p>}
      <ol class="edit-rows">
        {rows.map((row, i) => {
          const at = (field: string) => errorsAt(errors, `weekly.${row.key}.${field}`);
          return (
            <li key={row.key}>
              <fieldset class="row-fields">
                <legend class="sr-only">Weekly range {i + 1}</legend>
                <DayField
                  value={row.day}
                  messages={at("day")}
                  selectRef={focus.firstControl(row.key)}
                  onChange={(day) => patch(row.key, { day })}
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
                  aria-label={`Remove weekly range ${i + 1}`}
                  onClick={() => {
                    onChange(removeRow(rows, row.key));
                    focus.removed();
                  }}
                >
                  Remove
                </button>
                <FieldError id={`${row.key}-error`} messages={errorsAt(errors, `weekly.${row.key}`)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        ref={focus.addRef}
        onClick={() => {
          const row = nextWeeklyRow(rows);
          focus.added(row.key);
          onChange([...rows, row]);
        }}
      >
        Add range
      </button>
    </fieldset>
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
