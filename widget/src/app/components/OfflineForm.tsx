import type { Product } from "@parley/shared";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, PRIORITIES } from "@parley/shared/constants";
import { useRef, useState } from "preact/hooks";
import { isPlausibleEmail, lengthProblem } from "../message-rules.ts";
import type { OfflineFields } from "../offline-request.ts";
import { ProductSelect } from "./ProductSelect.tsx";

interface Props {
  initial: OfflineFields;
  products: readonly Product[];
  /** A request is on its way: submitting again would only repeat it. */
  sending: boolean;
  /** Why the server refused the last request, in its words. */
  failure: string | null;
  onSubmit: (fields: OfflineFields) => void;
}

type Field = keyof OfflineFields;
type Errors = Partial<Record<Field, string>>;

const IDS: Record<Field, string> = {
  name: "parley-offline-name",
  email: "parley-offline-email",
  priority: "parley-offline-priority",
  product: "parley-offline-product",
  details: "parley-offline-details",
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function OfflineForm({ initial, products, sending, failure, onSubmit }: Props) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    // The button stays enabled (a disabled one would drop keyboard focus); a repeat is simply ignored.
    if (sending) return;
    const found = validate(fields);
    setErrors(found);
    const first = (Object.keys(IDS) as Field[]).find((f) => found[f]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`#${IDS[first]}`)?.focus();
      return;
    }
    onSubmit(fields);
  };

  const field = (name: Field, hint?: string) => ({
    id: IDS[name],
    value: fields[name],
    "aria-invalid": errors[name] ? ("true" as const) : undefined,
    "aria-describedby": [hint, errors[name] && `${IDS[name]}-error`].filter(Boolean).join(" ") || undefined,
    onInput: (e: Event) =>
      setFields({ ...fields, [name]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value }),
  });

  return (
    <form class="offline-form" ref={form} onSubmit={submit} noValidate>
      {failure && (
        <p class="error" role="alert">
          Your request could not be sent: {failure}
        </p>
      )}
      <div class="field">
        <label for={IDS.name}>Name</label>
        <input {...field("name")} type="text" autocomplete="name" maxLength={MAX_NAME_LENGTH} required data-autofocus />
        <FieldError field="name" errors={errors} />
      </div>
      <div class="field">
        <label for={IDS.email}>Email</label>
        <input {...field("email")} type="email" autocomplete="email" maxLength={MAX_EMAIL_LENGTH} required />
        <FieldError field="email" errors={errors} />
      </div>
      <div class="field">
        <label for={IDS.priority}>Priority</label>
        <select {...field("priority", "parley-priority-hint")}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {capitalized(p)}
            </option>
          ))}
        </select>
        <p class="hint" id="parley-priority-hint">
          Critical: unusable. High: badly impaired. Medium: a feature is affected. Low: a minor issue.
        </p>
      </div>
      {products.length > 0 && (
        <div class="field">
          <label for={IDS.product}>Product</label>
          <ProductSelect {...field("product")} products={products} />
        </div>
      )}
      <div class="field">
        <label for={IDS.details}>Details</label>
        <textarea {...field("details", "parley-details-hint")} rows={5} required />
        <p class="hint" id="parley-details-hint">
          What happened, and the steps to reproduce it.
        </p>
        <FieldError field="details" errors={errors} />
      </div>
      <button type="submit" class="primary" aria-disabled={sending ? "true" : undefined}>
        Send request
      </button>
    </form>
  );
}

function FieldError({ field, errors }: { field: Field; errors: Errors }) {
  const message = errors[field];
  return message ? (
    <p class="error" id={`${IDS[field]}-error`}>
      {message}
    </p>
  ) : null;
}

function validate(fields: OfflineFields): Errors {
  const errors: Errors = {};
  if (!fields.name.trim()) errors.name = "Please enter your name.";
  const email = fields.email.trim();
  if (!email) errors.email = "Please enter your email address, so we can answer.";
  else if (!isPlausibleEmail(email)) errors.email = "Please enter a valid email address.";
  const details = fields.details.trim();
  if (!details) errors.details = "Please describe what you need.";
  else {
    const problem = lengthProblem(details.length);
    if (problem) errors.details = problem.replace("Message", "Details");
  }
  return errors;
}
