import { CheckField, TextField } from "./fields.tsx";

interface TimeSpan {
  readonly start: string;
  readonly end: string;
  readonly endsNextDay: boolean;
}

interface TimeSpanFieldsProps {
  span: TimeSpan;
  /** The server's messages for one of the three fields. */
  at: (field: keyof TimeSpan) => readonly string[];
  onChange: (change: Partial<TimeSpan>) => void;
}

/** When an opening starts and ends, the end possibly past midnight: for weekly ranges and extra openings. */
export function TimeSpanFields({ span, at, onChange }: TimeSpanFieldsProps) {
  return (
    <>
      <TextField
        label="Opens"
        type="time"
        value={span.start}
        messages={at("start")}
        onInput={(start) => onChange({ start })}
      />
      <TextField
        label="Closes"
        type="time"
        value={span.end}
        messages={at("end")}
        onInput={(end) => onChange({ end })}
      />
      <CheckField
        label="Ends next day"
        checked={span.endsNextDay}
        messages={at("endsNextDay")}
        onChange={(endsNextDay) => onChange({ endsNextDay })}
      />
    </>
  );
}
