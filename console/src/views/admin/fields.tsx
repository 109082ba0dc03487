import type { InputHTMLAttributes, Ref } from "preact";
import { useId } from "preact/hooks";
import { FieldError, invalidProps } from "./FormErrors.tsx";

interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  messages?: readonly string[];
  type?: "text" | "email" | "password" | "number" | "time" | "date" | "datetime-local" | "url";
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  min?: number;
  max?: number;
  list?: string;
  hint?: string;
  class?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A visible label, the input, and the server's message for it right below. */
export function TextField(props: TextFieldProps) {
  const { label, value, onInput, messages = [], type = "text", hint, inputRef } = props;
  const inputId = useId();
  const errorId = useId();
  const hintId = useId();
  const invalid = invalidProps(errorId, messages);
  const describedBy = [hint ? hintId : null, invalid["aria-describedby"] ?? null].filter(Boolean).join(" ");
  // Preact types the attributes per input type, which a `type` held as a union cannot satisfy at once.
  const typed = { type, list: props.list } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <div class={`field ${props.class ?? ""}`}>
      <label for={inputId}>{label}</label>
      <input
        id={inputId}
        ref={inputRef}
        {...typed}
        value={value}
        autocomplete={props.autoComplete}
        required={props.required}
        readOnly={props.readOnly}
        min={props.min}
        max={props.max}
        aria-invalid={invalid["aria-invalid"]}
        aria-describedby={describedBy || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  messages?: readonly string[];
}

export function CheckField({ label, checked, onChange, messages = [] }: CheckFieldProps) {
  const errorId = useId();
  return (
    <div class="field field--check">
      <label>
        <input
          type="checkbox"
          checked={checked}
          {...invalidProps(errorId, messages)}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{" "}
        {label}
      </label>
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}
