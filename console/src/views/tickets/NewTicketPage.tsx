import { missingForPriority, type Product, type TicketFields } from "@parley/shared";
import { PRIORITIES } from "@parley/shared/constants";
import type { TargetedEvent } from "preact";
import { useMemo, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { navigate, pathFor, type TicketSourceRef } from "../../router.ts";
import { errorsAt, type FormErrors, formErrors } from "../../state/issues.ts";
import type { SessionState } from "../../state/session.ts";
import { PRIORITY_LABELS } from "../../state/ticket.ts";
import {
  prefillFromChat,
  prefillFromOffline,
  TICKET_FIELD_LABELS,
  type TicketPrefill,
  ticketSource,
} from "../../state/ticket-form.ts";
import { ErrorSummary } from "../admin/FormErrors.tsx";
import { TextField } from "../admin/fields.tsx";
import { useSession } from "../session-context.ts";
import { usePageHeading } from "../usePage.ts";
import { SelectField, TextAreaField } from "./fields.tsx";

const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));
const REPRODUCED_OPTIONS = [
  { value: "unknown", label: "Not known" },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;
const NO_PRODUCT = "";

interface NewTicketPageProps {
  source: TicketSourceRef;
  state: SessionState;
}

/** `/console/tickets/new?chat=…` or `?offline=…`: the policy's fields, prefilled from the source. */
export function NewTicketPage({ source, state }: NewTicketPageProps) {
  const headingRef = usePageHeading("New ticket");
  const prefill = prefillOf(source, state);
  return (
    <main id="main" tabIndex={-1} class="page">
      <section class="page-section" aria-labelledby="new-ticket-heading">
        <h2 id="new-ticket-heading" ref={headingRef} tabIndex={-1}>
          New ticket
        </h2>
        {prefill.kind === "ready" ? (
          <TicketForm
            key={`${source.kind}:${source.id}`}
            source={source}
            prefill={prefill.value}
            products={state.site.settings?.products ?? []}
          />
        ) : prefill.kind === "missing" ? (
          <p class="error" role="alert">
            {prefill.message}
          </p>
        ) : (
          <p class="muted" aria-busy="true">
            Loading…
          </p>
        )}
      </section>
    </main>
  );
}

type PrefillState =
  | { kind: "loading" }
  | { kind: "missing"; message: string }
  | { kind: "ready"; value: TicketPrefill };

function prefillOf(source: TicketSourceRef, state: SessionState): PrefillState {
  if (source.kind === "chat") {
    const view = state.conversations[source.id];
    if (view?.loadError) return { kind: "missing", message: view.loadError.message };
    if (!view?.detail) return { kind: "loading" };
    return { kind: "ready", value: prefillFromChat(view.detail, view.timeline.messages) };
  }
  const { offline } = state;
  const request = offline.requests.find((r) => r.id === source.id);
  if (request) return { kind: "ready", value: prefillFromOffline(request) };
  if (offline.loaded) return { kind: "missing", message: "That offline request was not found." };
  if (offline.error) return { kind: "missing", message: offline.error.message };
  return { kind: "loading" };
}

interface TicketFormProps {
  source: TicketSourceRef;
  prefill: TicketPrefill;
  products: readonly Product[];
}

function TicketForm({ source, prefill, products }: TicketFormProps) {
  const session = useSession();
  const [fields, setFields] = useState<TicketFields>(prefill.fields);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = useMemo(() => missingForPriority(fields), [fields]);
  const set =
    <K extends keyof TicketFields>(key: K) =>
    (value: TicketFields[K]) =>
      setFields((f) => ({ ...f, [key]: value }));
  const at = (key: keyof TicketFields) => errorsAt(errors, key);
  const { requester } = prefill;

  const productOptions = [
    { value: NO_PRODUCT, label: "None" },
    ...products.map((p) => ({ value: p.id, label: p.name })),
    // A product since removed from the site still shows, so the form does not silently change it.
    ...(fields.product && !products.some((p) => p.id === fields.product)
      ? [{ value: fields.product, label: fields.product }]
      : []),
  ];

  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // Creating is idempotent per source, so a retry after no answer returns the same ticket.
    const result = await session.tickets.create({ source: ticketSource(source.kind, source.id), fields });
    setBusy(false);
    if (result.ok) {
      navigate(pathFor({ name: "ticket", id: result.data.ticket.id }));
      return;
    }
    const error = failureOf(
      result,
      "No answer from the server yet. Creating again is safe: it returns the same ticket.",
    );
    setErrors(formErrors(error, { strip: "fields", labels: TICKET_FIELD_LABELS }));
  };

  return (
    <form class="admin-form ticket-form" onSubmit={submit} noValidate aria-busy={busy}>
      <ErrorSummary errors={errors} />
      <dl class="ticket-requester">
        <dt>Requester</dt>
        <dd>
          {requester.name}
          {requester.email && <> ({requester.email})</>}
        </dd>
      </dl>
      <TextField
        label={TICKET_FIELD_LABELS.subject}
        value={fields.subject}
        onInput={set("subject")}
        messages={at("subject")}
        required
        class="field--wide"
      />
      <div class="field-grid">
        <SelectField
          label={TICKET_FIELD_LABELS.priority}
          value={fields.priority}
          options={PRIORITY_OPTIONS}
          onChange={set("priority")}
          messages={at("priority")}
        />
        <SelectField
          label={TICKET_FIELD_LABELS.product}
          value={fields.product ?? NO_PRODUCT}
          options={productOptions}
          onChange={(value) => set("product")(value === NO_PRODUCT ? null : value)}
          messages={at("product")}
        />
        <TextField
          label={TICKET_FIELD_LABELS.productVersion}
          value={fields.productVersion}
          onInput={set("productVersion")}
          messages={at("productVersion")}
        />
        <SelectField
          label={TICKET_FIELD_LABELS.reproducedOnTestSystem}
          value={fields.reproducedOnTestSystem}
          options={REPRODUCED_OPTIONS}
          onChange={set("reproducedOnTestSystem")}
          messages={at("reproducedOnTestSystem")}
        />
      </div>
      <TextAreaField
        label={TICKET_FIELD_LABELS.thirdPartyVersions}
        value={fields.thirdPartyVersions}
        onInput={set("thirdPartyVersions")}
        messages={at("thirdPartyVersions")}
        rows={2}
      />
      <TextAreaField
        label={TICKET_FIELD_LABELS.details}
        value={fields.details}
        onInput={set("details")}
        messages={at("details")}
        rows={6}
      />
      <TextAreaField
        label={TICKET_FIELD_LABELS.reproductionSteps}
        value={fields.reproductionSteps}
        onInput={set("reproductionSteps")}
        messages={at("reproductionSteps")}
      />
      <TextAreaField
        label={TICKET_FIELD_LABELS.environment}
        value={fields.environment}
        onInput={set("environment")}
        messages={at("environment")}
      />
      <TextField
        label={TICKET_FIELD_LABELS.mostRecentUpdate}
        value={fields.mostRecentUpdate}
        onInput={set("mostRecentUpdate")}
        messages={at("mostRecentUpdate")}
        class="field--wide"
      />
      <TextAreaField
        label={TICKET_FIELD_LABELS.changedSinceLastWorked}
        value={fields.changedSinceLastWorked}
        onInput={set("changedSinceLastWorked")}
        messages={at("changedSinceLastWorked")}
        rows={3}
      />
      <StillNeeded priority={PRIORITY_LABELS[fields.priority].toLowerCase()} missing={missing} />
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          Create ticket
        </button>
      </div>
    </form>
  );
}

/** What the policy still wants for this priority; live, and not a blocker. */
function StillNeeded({
  priority,
  missing,
}: {
  priority: string;
  missing: readonly { field: string; message: string }[];
}) {
  return (
    <section class="still-needed" aria-labelledby="still-needed-heading" aria-live="polite">
      <h3 id="still-needed-heading">Still needed for a {priority} ticket:</h3>
      {missing.length === 0 ? (
        <p>Nothing: the ticket has what the policy asks for.</p>
      ) : (
        <>
          <ul>
            {missing.map((m) => (
              <li key={m.field}>{m.message}</li>
            ))}
          </ul>
          <p class="hint">The ticket can still be created with these gaps; ask the customer for them afterwards.</p>
        </>
      )}
    </section>
  );
}
