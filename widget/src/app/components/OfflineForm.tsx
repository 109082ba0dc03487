import type { Product } from "@parley/shared";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, PRIORITIES } from "@parley/shared/constants";
import { isPlausibleEmail, lengthProblem } from "../message-rules.ts";
import type { OfflineFields } from "../offline-request.ts";
import { ProductField } from "./ProductField.tsx";
import { type Errors, useForm } from "./use-form.tsx";

interface Props {
  initial: OfflineFields;
  products: readonly Product[];
  /** A request is on its way: submitting again would only repeat it. */
  sending: boolean;
  /** Why the server refused the last request, in its words. */
  failure: string | null;
  onSubmit: (fields: OfflineFields) => void;
}

const IDS: Record<keyof OfflineFields, string> = {
  name: "parley-offline-name",
  email: "parley-offline-email",
  priority: "parley-offline-priority",
  product: "parley-offline-product",
  details: "parley-offline-details",
};

export function OfflineForm({ initial, products, sending, failure, onSubmit }: Props) {
  // The button stays enabled while sending (a disabled one drops keyboard focus); a repeat is ignored upstream.
  const { form, submit, field, error } = useForm(initial, IDS, validate, onSubmit);

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
        {error("name")}
      </div>
      <div class="field">
        <label for={IDS.email}>Email</label>
        <input {...field("email")} type="email" autocomplete="email" maxLength={MAX_EMAIL_LENGTH} required />
        {error("email")}
      </div>
      <div class="field">
        <label for={IDS.priority}>Priority</label>
        <select {...field("priority", "parley-priority-hint")}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p.charAt(0).toUpperCase() + p.slice(1)}
            </option>
          ))}
        </select>
        <p class="hint" id="parley-priority-hint">
          Critical: unusable. High: badly impaired. Medium: a feature is affected. Low: a minor issue.
        </p>
      </div>
      <ProductField {...field("product")} products={products} />
      <div class="field">
        <label for={IDS.details}>Details</label>
        <textarea {...field("details", "parley-details-hint")} rows={5} required />
        <p class="hint" id="parley-details-hint">
          What happened, and the steps to reproduce it.
        </p>
        {error("details")}
      </div>
      <button type="submit" class="primary" aria-disabled={sending ? "true" : undefined}>
        Send request
      </button>
    </form>
  );
}

function validate(fields: OfflineFields): Errors<OfflineFields> {
  const errors: Errors<OfflineFields> = {};
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
