import type { Product } from "@parley/shared";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, PRIORITIES } from "@parley/shared/constants";
import { useState } from "preact/hooks";
import { text } from "../i18n/language.ts";
import { offlineText } from "../i18n/offline.ts";
import { isPlausibleEmail, lengthProblem } from "../message-rules.ts";
import type { OfflineExtra, OfflineFields } from "../offline-request.ts";
import type { VisitorSocket } from "../request.ts";
import { ManualSuggestions } from "./ManualSuggestions.tsx";
import { ProductField } from "./ProductField.tsx";
import { type Errors, useForm } from "./use-form.tsx";

interface Props {
  initial: OfflineFields;
  products: readonly Product[];
  /** A request is on its way: submitting again would only repeat it. */
  sending: boolean;
  /** Why the server refused the last request, in its words. */
  failure: string | null;
  onSubmit: (fields: OfflineFields, extra?: OfflineExtra) => void;
  socket: () => VisitorSocket | null;
}

const IDS: Record<keyof OfflineFields, string> = {
  name: "parley-offline-name",
  email: "parley-offline-email",
  priority: "parley-offline-priority",
  product: "parley-offline-product",
  details: "parley-offline-details",
};

export function OfflineForm({ initial, products, sending, failure, onSubmit, socket }: Props) {
  // Manual articles the visitor opened from the suggestions: the agent sees them with the request.
  const [opened, setOpened] = useState<readonly string[]>([]);
  // The button stays enabled while sending (a disabled one drops keyboard focus); a repeat is ignored upstream.
  const { form, submit, field, error } = useForm(initial, IDS, validate, (fields) =>
    onSubmit(fields, { ...(opened.length > 0 ? { manualsOpened: [...opened] } : {}), ...browserZone() }),
  );
  const t = text();
  const o = offlineText();

  return (
    <form class="offline-form" ref={form} onSubmit={submit} noValidate>
      {failure && (
        <p class="error" role="alert">
          {o.requestFailed(failure)}
        </p>
      )}
      <div class="field">
        <label for={IDS.name}>{t.name}</label>
        <input {...field("name")} type="text" autocomplete="name" maxLength={MAX_NAME_LENGTH} required data-autofocus />
        {error("name")}
      </div>
      <div class="field">
        <label for={IDS.email}>{t.email}</label>
        <input {...field("email")} type="email" autocomplete="email" maxLength={MAX_EMAIL_LENGTH} required />
        {error("email")}
      </div>
      <div class="field">
        <label for={IDS.priority}>{o.priority}</label>
        <select {...field("priority", "parley-priority-hint")}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {o.priorities[p]}
            </option>
          ))}
        </select>
        <p class="hint" id="parley-priority-hint">
          {o.priorityHint}
        </p>
      </div>
      <ProductField {...field("product")} products={products} />
      <div class="field">
        <label for={IDS.details}>{o.details}</label>
        <textarea {...field("details", "parley-details-hint")} rows={5} required />
        <p class="hint" id="parley-details-hint">
          {o.detailsHint}
        </p>
        {error("details")}
      </div>
      <ManualSuggestions
        socket={socket}
        text={field("details").value}
        product={field("product").value}
        opened={opened}
        onOpen={(id) => setOpened((ids) => (ids.includes(id) ? ids : [...ids, id]))}
      />
      <button type="submit" class="primary" aria-disabled={sending ? "true" : undefined}>
        {o.sendRequest}
      </button>
    </form>
  );
}

/** The browser's time zone, for a web conference proposed on the ticket this request may become. */
function browserZone(): OfflineExtra {
  try {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return timeZone && timeZone.length <= 64 ? { timeZone } : {};
  } catch {
    return {};
  }
}

function validate(fields: OfflineFields): Errors<OfflineFields> {
  const errors: Errors<OfflineFields> = {};
  const t = text();
  const o = offlineText();
  if (!fields.name.trim()) errors.name = t.enterName;
  const email = fields.email.trim();
  if (!email) errors.email = o.enterEmail;
  else if (!isPlausibleEmail(email)) errors.email = o.validEmail;
  const details = fields.details.trim();
  if (!details) errors.details = o.describeNeed;
  else {
    const problem = lengthProblem(details.length, "details");
    if (problem) errors.details = problem;
  }
  return errors;
}
