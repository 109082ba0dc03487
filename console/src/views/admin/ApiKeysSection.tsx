import {
  type AgentDto,
  API_RESOURCES,
  type ApiAccess,
  type ApiKeyDto,
  type ApiKeyScopes,
  type ApiResource,
  type TeamMemberDto,
} from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt, type FormErrors, formErrors } from "../../state/issues.ts";
import { ROLE_LABELS } from "../../state/roles.ts";
import { actionsColumn, type Column, DataTable } from "../DataTable.tsx";
import { useSession } from "../session-context.ts";
import { ErrorSummary } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";

const UNANSWERED = "The server did not answer in time. Check the list of keys before trying again.";

const RESOURCE_LABELS: Record<ApiResource, string> = {
  conversations: "Conversations",
  messages: "Messages",
  tickets: "Tickets",
  customers: "Customers and contacts",
  offline: "Offline requests",
};
const ACCESS_LABELS: Record<ApiAccess, string> = { none: "No access", read: "Read", write: "Read and write" };
const ACCESS = Object.keys(ACCESS_LABELS) as ApiAccess[];
const NO_SCOPES: ApiKeyScopes = {
  conversations: "none",
  messages: "none",
  tickets: "none",
  customers: "none",
  offline: "none",
};
const LAYOUT = {
  labels: { name: "Name", agentId: "Acts as", scopes: "Scopes", ...RESOURCE_LABELS } as Record<string, string>,
};

const scopeText = (scopes: ApiKeyScopes): string =>
  API_RESOURCES.filter((r) => scopes[r] !== "none")
    .map((r) => `${RESOURCE_LABELS[r]}: ${ACCESS_LABELS[scopes[r]].toLowerCase()}`)
    .join("; ") || "None";

/**
 * REST API keys: make one (named, acting as an agent of the site, read or write per resource), copy its
 * secret while it is shown (once), and revoke keys. The server keeps only a hash of each secret.
 */
export function ApiKeysSection({ me, members }: { me: AgentDto; members: readonly TeamMemberDto[] }) {
  const session = useSession();
  const [keys, setKeys] = useState<ApiKeyDto[] | null>(null);
  const [name, setName] = useState("");
  const [agentId, setAgentId] = useState(me.id);
  const [scopes, setScopes] = useState<ApiKeyScopes>({ ...NO_SCOPES, tickets: "read" });
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const secretRef = useRef<HTMLInputElement>(null);
  const ids = { form: useId(), agent: useId(), secret: useId(), secretHint: useId() };

  const load = async () => {
    const result = await session.admin.listApiKeys();
    if (result.ok) setKeys(result.data.keys);
    else setStatus(failureOf(result, UNANSWERED).message);
  };
  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    if (created) secretRef.current?.focus();
  }, [created]);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(null);
    setStatus("");
    const result = await session.admin.createApiKey({ name, scopes, ...(agentId === me.id ? {} : { agentId }) });
    setBusy(false);
    if (!result.ok) {
      setErrors(formErrors(failureOf(result, UNANSWERED), LAYOUT));
      return;
    }
    setCreated({ name: result.data.key.name, secret: result.data.secret });
    setKeys((list) => [result.data.key, ...(list ?? [])]);
    setName("");
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setStatus("Key copied.");
    } catch {
      secretRef.current?.select();
      setStatus("Copying is blocked here: the key is selected, copy it with your keyboard.");
    }
  };

  const revoke = async (key: ApiKeyDto) => {
    setConfirming(null);
    const result = await session.admin.revokeApiKey(key.id);
    if (result.ok) {
      setKeys((list) => (list ?? []).map((k) => (k.id === key.id ? result.data.key : k)));
      setStatus(`Revoked ${key.name}. Requests with it are refused from now on.`);
    } else setStatus(failureOf(result, UNANSWERED).message);
  };

  const columns: Column<ApiKeyDto>[] = [
    { key: "name", header: "Name", cell: (key) => key.name },
    { key: "key", header: "Key", cell: (key) => <code>{key.prefix}_…</code> },
    { key: "access", header: "Access", cell: (key) => scopeText(key.scopes) },
    { key: "agent", header: "Acts as", cell: (key) => key.agent.name },
    {
      key: "used",
      header: "Last used",
      cell: (key) => (key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : "Never"),
    },
    {
      key: "state",
      header: "State",
      cell: (key) => (key.revokedAt ? `Revoked ${new Date(key.revokedAt).toLocaleDateString()}` : "Active"),
    },
    actionsColumn((key) =>
      key.revokedAt ? null : confirming === key.id ? (
        <>
          <button type="button" class="danger" onClick={() => void revoke(key)}>
            Revoke {key.name} now
          </button>{" "}
          <button type="button" onClick={() => setConfirming(null)}>
            Keep {key.name}
          </button>
        </>
      ) : (
        <button type="button" aria-label={`Revoke ${key.name}`} onClick={() => setConfirming(key.id)}>
          Revoke…
        </button>
      ),
    ),
  ];
  const enabled = members.filter((m) => !m.disabled);
  return (
    <section class="page-section" aria-labelledby="admin-api-keys">
      <h3 id="admin-api-keys">API keys</h3>
      <p class="muted">
        Scripts and other systems use the REST API with a key: <code>Authorization: Bearer prk_…</code>. A key acts as
        the agent you pick, within the access you give it. The reference is at <a href="/api/v1/docs">/api/v1/docs</a>.
      </p>
      {created && (
        <div class="field">
          <label id={ids.secret} for={`${ids.secret}-input`}>
            New key “{created.name}”
          </label>
          <input
            id={`${ids.secret}-input`}
            ref={secretRef}
            type="text"
            readOnly
            value={created.secret}
            spellcheck={false}
            aria-describedby={ids.secretHint}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p id={ids.secretHint} class="hint">
            Copy it now: it is not shown again. Parley keeps only a hash of it.
          </p>
        </div>
      )}
      {created && (
        <div class="form-actions">
          <button type="button" onClick={() => void copy()}>
            Copy key
          </button>{" "}
          <button type="button" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      )}
      <form class="admin-form" aria-labelledby={ids.form} onSubmit={submit} noValidate aria-busy={busy}>
        <h4 id={ids.form}>Create API key</h4>
        <ErrorSummary errors={errors} />
        <div class="field-grid">
          <TextField
            label="Key name"
            value={name}
            required
            autoComplete="off"
            messages={errorsAt(errors, "name")}
            onInput={setName}
          />
          <div class="field">
            <label for={ids.agent}>Acts as</label>
            <select id={ids.agent} value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)}>
              {enabled.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.name} (${m.id === me.id ? "you, " : ""}${ROLE_LABELS[m.role]})`}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>Access</legend>
          <div class="field-grid">
            {API_RESOURCES.map((resource) => (
              <ScopeSelect
                key={resource}
                resource={resource}
                value={scopes[resource]}
                onChange={(access) => setScopes({ ...scopes, [resource]: access })}
              />
            ))}
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary" aria-disabled={busy}>
            Create API key
          </button>
        </div>
      </form>
      <p role="status" class="muted">
        {status}
      </p>
      {keys === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <DataTable name={{ caption: "API keys" }} columns={columns} rows={keys} empty="No API keys yet." />
      )}
    </section>
  );
}

function ScopeSelect(props: { resource: ApiResource; value: ApiAccess; onChange: (access: ApiAccess) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{RESOURCE_LABELS[props.resource]}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => {
          const access = ACCESS.find((a) => a === e.currentTarget.value);
          if (access) props.onChange(access);
        }}
      >
        {ACCESS.map((a) => (
          <option key={a} value={a}>
            {ACCESS_LABELS[a]}
          </option>
        ))}
      </select>
    </div>
  );
}
