import { WEBHOOK_EVENT_TYPES, type WebhookEndpointDto, type WebhookEventType } from "@parley/shared";
import { useEffect, useMemo, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { WebhookAdmin } from "../../realtime/webhooks.ts";
import { errorsAt, type FormErrors, formErrors } from "../../state/issues.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, FieldError } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { WebhookDeliveryLog } from "./WebhookDeliveryLog.tsx";

const UNANSWERED = "The server did not answer; try again.";
const LAYOUT = { labels: { url: "URL", events: "Events", description: "Description" } };

/**
 * Signed webhooks: endpoints the server POSTs events to, each with its own secret (shown once, when it is
 * made), and each endpoint's delivery log with a way to send a delivery again.
 */
export function WebhooksSection() {
  const session = useSession();
  const admin = useMemo(() => new WebhookAdmin(session.socket), [session]);
  const [endpoints, setEndpoints] = useState<WebhookEndpointDto[] | null>(null);
  const [status, setStatus] = useState("");
  /** The secret just made, with the endpoint it belongs to: shown until the admin dismisses it. */
  const [secret, setSecret] = useState<{ endpoint: WebhookEndpointDto; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const load = async () => {
    const result = await admin.list();
    if (result.ok) setEndpoints(result.data.endpoints);
    else setStatus(failureOf(result, UNANSWERED).message);
  };
  useEffect(() => {
    void load();
  }, [admin]);

  const replace = (endpoint: WebhookEndpointDto) =>
    setEndpoints((list) => (list ?? []).map((e) => (e.id === endpoint.id ? endpoint : e)));

  return (
    <section class="page-section" aria-labelledby="admin-webhooks">
      <h3 id="admin-webhooks">Webhooks</h3>
      <p class="muted">
        Parley POSTs chat and ticket events to your server as JSON, signed with the endpoint's secret (the
        Parley-Signature header). A delivery your server does not answer with 2xx is retried with growing waits for 24
        hours. Internal notes and whispers are never sent.
      </p>
      {secret && (
        <div class="webhook-secret" role="alert">
          <p>
            The signing secret of {secret.endpoint.url}. Copy it now: it is not shown again (you can rotate it to get a
            new one).
          </p>
          <div class="field">
            <label for="admin-webhook-secret">Signing secret</label>
            <input id="admin-webhook-secret" type="text" readOnly value={secret.secret} spellcheck={false} />
          </div>
          <button type="button" onClick={() => setSecret(null)}>
            I have copied the secret
          </button>
        </div>
      )}
      {endpoints === null ? (
        <p class="muted">Loading…</p>
      ) : endpoints.length === 0 ? (
        <p class="muted">No webhook endpoints yet.</p>
      ) : (
        <ul class="webhook-list">
          {endpoints.map((endpoint) => (
            <EndpointItem
              key={endpoint.id}
              admin={admin}
              endpoint={endpoint}
              logOpen={open === endpoint.id}
              refreshKey={refreshKey}
              onToggleLog={() => setOpen(open === endpoint.id ? null : endpoint.id)}
              onChanged={replace}
              onRemoved={() => setEndpoints((list) => (list ?? []).filter((e) => e.id !== endpoint.id))}
              onSecret={(s) => setSecret({ endpoint, secret: s })}
              onSent={() => {
                setOpen(endpoint.id);
                setRefreshKey((k) => k + 1);
              }}
              onStatus={setStatus}
            />
          ))}
        </ul>
      )}
      <p role="status" class="muted">
        {status}
      </p>
      <AddEndpointForm
        admin={admin}
        onCreated={(created) => {
          setEndpoints((list) => [...(list ?? []), created.endpoint]);
          setSecret(created);
          setStatus(`Webhook endpoint ${created.endpoint.url} added.`);
        }}
      />
    </section>
  );
}

function EndpointItem(props: {
  admin: WebhookAdmin;
  endpoint: WebhookEndpointDto;
  logOpen: boolean;
  refreshKey: number;
  onToggleLog: () => void;
  onChanged: (endpoint: WebhookEndpointDto) => void;
  onRemoved: () => void;
  onSecret: (secret: string) => void;
  onSent: () => void;
  onStatus: (text: string) => void;
}) {
  const { admin, endpoint, onStatus } = props;
  const [confirming, setConfirming] = useState<"rotate" | "delete" | null>(null);
  const fail = (result: Parameters<typeof failureOf>[0]) => onStatus(failureOf(result, UNANSWERED).message);

  const ping = async () => {
    onStatus(`Sending a test event to ${endpoint.url}…`);
    const result = await admin.ping(endpoint.id);
    if (!result.ok) return fail(result);
    const d = result.data.delivery;
    onStatus(
      d.status === "delivered"
        ? `Test event delivered to ${endpoint.url} (HTTP ${d.responseStatus}, ${d.durationMs} ms).`
        : `Test event not delivered: ${d.lastError ?? "no answer"}.`,
    );
    props.onSent();
  };
  const toggle = async () => {
    const result = await admin.update({ endpointId: endpoint.id, enabled: !endpoint.enabled });
    if (!result.ok) return fail(result);
    props.onChanged(result.data.endpoint);
    onStatus(`${endpoint.url} ${result.data.endpoint.enabled ? "enabled" : "disabled"}.`);
  };
  const rotate = async () => {
    setConfirming(null);
    const result = await admin.rotateSecret(endpoint.id);
    if (!result.ok) return fail(result);
    props.onChanged(result.data.endpoint);
    props.onSecret(result.data.secret);
  };
  const remove = async () => {
    setConfirming(null);
    const result = await admin.remove(endpoint.id);
    if (!result.ok) return fail(result);
    props.onRemoved();
    onStatus(`Webhook endpoint ${endpoint.url} deleted.`);
  };

  return (
    <li class="webhook-item">
      <p>
        <strong>{endpoint.url}</strong> {endpoint.enabled ? null : <span class="muted">(disabled)</span>}
        {endpoint.description ? (
          <>
            <br />
            {endpoint.description}
          </>
        ) : null}
        <br />
        <span class="muted">{endpoint.events.join(", ")}</span>
      </p>
      <div class="form-actions">
        <button type="button" onClick={() => void ping()} aria-label={`Send a test event to ${endpoint.url}`}>
          Send test event
        </button>
        <button
          type="button"
          aria-expanded={props.logOpen}
          onClick={props.onToggleLog}
          aria-label={`Deliveries to ${endpoint.url}`}
        >
          Deliveries
        </button>
        <button
          type="button"
          onClick={() => void toggle()}
          aria-label={`${endpoint.enabled ? "Disable" : "Enable"} ${endpoint.url}`}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
        </button>
        <button
          type="button"
          onClick={() => setConfirming("rotate")}
          aria-label={`Rotate the secret of ${endpoint.url}…`}
        >
          Rotate secret…
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => setConfirming("delete")}
          aria-label={`Delete ${endpoint.url}…`}
        >
          Delete…
        </button>
      </div>
      {confirming && (
        <p>
          {confirming === "rotate"
            ? "Rotate the secret? From the next delivery on, requests are signed with the new one only; deliveries your server refuses meanwhile are retried."
            : "Delete this endpoint? Nothing more is sent to it."}{" "}
          <button type="button" class="danger" onClick={() => void (confirming === "rotate" ? rotate() : remove())}>
            {confirming === "rotate" ? "Rotate now" : "Delete now"}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </p>
      )}
      {props.logOpen && <WebhookDeliveryLog admin={admin} endpoint={endpoint} refreshKey={props.refreshKey} />}
    </li>
  );
}

function AddEndpointForm({
  admin,
  onCreated,
}: {
  admin: WebhookAdmin;
  onCreated: (created: { endpoint: WebhookEndpointDto; secret: string }) => void;
}) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await admin.create({ url, events, ...(description.trim() ? { description } : {}) });
    setBusy(false);
    if (!result.ok) {
      setErrors(formErrors(failureOf(result, UNANSWERED), LAYOUT));
      return;
    }
    setErrors(null);
    setUrl("");
    setDescription("");
    onCreated(result.data);
  };
  const eventErrors = errorsAt(errors, "events");

  return (
    <form class="admin-form" onSubmit={submit} noValidate aria-busy={busy} aria-labelledby="admin-webhook-add">
      <h4 id="admin-webhook-add">Add an endpoint</h4>
      <ErrorSummary errors={errors} />
      <TextField
        label="Endpoint URL"
        value={url}
        onInput={setUrl}
        required
        messages={errorsAt(errors, "url")}
        hint="https:// in production; it must reach a public address."
      />
      <TextField
        label="Description (optional)"
        value={description}
        onInput={setDescription}
        messages={errorsAt(errors, "description")}
      />
      <fieldset class="checks" aria-describedby={eventErrors.length ? "admin-webhook-events-error" : undefined}>
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setEvents((list) => (on ? [...list, type] : list.filter((x) => x !== type)));
              }}
            />{" "}
            {type}
          </label>
        ))}
        <FieldError id="admin-webhook-events-error" messages={eventErrors} />
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          Add endpoint
        </button>
      </div>
    </form>
  );
}
