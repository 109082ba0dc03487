import type { FormErrors } from "../../state/issues.ts";

/** Above a refused form: what went wrong, and where, for those who do not scan every field. */
export function ErrorSummary({ errors }: { errors: FormErrors | null }) {
  if (!errors) return null;
  return (
    <div class="error error-summary" role="alert">
      <p>{errors.message}</p>
      {errors.summary.length > 0 && (
        <ul>
          {errors.summary.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Next to a field; its id goes in the field's aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} class="field-error">
      {messages.join(" ")}
    </p>
  );
}

/** Props that tie a field to its messages. */
export function invalidProps(id: string, messages: readonly string[]) {
  return messages.length > 0 ? { "aria-invalid": true, "aria-describedby": id } : {};
}

export function SavedStatus({ text }: { text: string }) {
  // Always mounted so the text is announced when it appears.
  return (
    <p class="saved" role="status">
      {text}
    </p>
  );
}
