import type { Ref } from "preact";
import { useId } from "preact/hooks";
import { FieldError, invalidProps } from "../admin/FormErrors.tsx";

interface TextAreaFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  messages?: readonly string[];
  rows?: number;
}

/** A visible label, a multi-line box, and the server's message for it right below. */
export function TextAreaField({ label, value, onInput, messages = [], rows = 4 }: TextAreaFieldProps) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div class="field field--wide">
      <label for={inputId}>{label}</label>
      <textarea
        id={inputId}
        rows={rows}
        value={value}
        {...invalidProps(errorId, messages)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  messages?: readonly string[];
  selectRef?: Ref<HTMLSelectElement>;
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  messages = [],
  selectRef,
}: SelectFieldProps<V>) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div class="field">
      <label for={inputId}>{label}</label>
      <select
        id={inputId}
        ref={selectRef}
        value={value}
        {...invalidProps(errorId, messages)}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.currentTarget.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
