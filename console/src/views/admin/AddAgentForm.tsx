import type { Product } from "@parley/shared";
import { MAX_AGENT_CAPACITY } from "@parley/shared/constants";
import type { TargetedSubmitEvent } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import {
  AGENT_ISSUE_LAYOUT,
  agentCreateInput,
  emptyAgentForm,
  type NewAgentForm,
  toggledProduct,
} from "../../state/agent-form.ts";
import { errorsAt, errorsUnder, type FormErrors, formErrors } from "../../state/issues.ts";
import { useSession } from "../session-context.ts";
import { ErrorSummary, FieldError, invalidProps, SavedStatus } from "./FormErrors.tsx";
import { TextField } from "./fields.tsx";
import { ProductChecks } from "./ProductChecks.tsx";
import { RoleSelect } from "./RoleSelect.tsx";

const UNANSWERED = "The server did not answer in time. Check the agents list before trying again.";

export function AddAgentForm({ products }: { products: readonly Product[] }) {
  const session = useSession();
  const [form, setForm] = useState<NewAgentForm>(emptyAgentForm);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = { heading: useId(), role: useId(), roleError: useId() };
  const edit = (patch: Partial<NewAgentForm>) => setForm({ ...form, ...patch });
  const at = (field: string) => errorsAt(errors, field);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSaved("");
    const built = agentCreateInput(form);
    if (!built.ok) {
      setErrors(formErrors(built.error, AGENT_ISSUE_LAYOUT));
      return;
    }
    setBusy(true);
    setErrors(null);
    const result = await session.admin.createAgent(built.input);
    setBusy(false);
    if (!result.ok) {
      const error = failureOf(result, UNANSWERED);
      setErrors(formErrors(error, AGENT_ISSUE_LAYOUT));
      return;
    }
    setForm(emptyAgentForm);
    setSaved(`Added ${result.data.agent.name}.`);
    nameRef.current?.focus();
  };

  return (
    <form class="admin-form" aria-labelledby={ids.heading} onSubmit={submit} noValidate aria-busy={busy}>
      <h4 id={ids.heading}>Add agent</h4>
      <ErrorSummary errors={errors} />
      <div class="field-grid">
        <TextField
          label="Name"
          value={form.name}
          required
          inputRef={nameRef}
          autoComplete="off"
          messages={at("name")}
          onInput={(name) => edit({ name })}
        />
        <TextField
          label="Email"
          type="email"
          value={form.email}
          required
          autoComplete="off"
          messages={at("email")}
          onInput={(email) => edit({ email })}
        />
        <TextField
          label="Password"
          type="password"
          value={form.password}
          required
          autoComplete="new-password"
          hint="At least 10 characters. Share it with the agent privately."
          messages={at("password")}
          onInput={(password) => edit({ password })}
        />
        <div class="field">
          <label for={ids.role}>Role</label>
          <RoleSelect
            id={ids.role}
            value={form.role}
            invalid={invalidProps(ids.roleError, at("role"))}
            onChange={(role) => edit({ role })}
          />
          <FieldError id={ids.roleError} messages={at("role")} />
        </div>
        <TextField
          label="Capacity"
          type="number"
          min={0}
          max={MAX_AGENT_CAPACITY}
          value={form.capacity}
          hint="Chats at once."
          messages={at("capacity")}
          onInput={(capacity) => edit({ capacity })}
        />
      </div>
      <ProductChecks
        legend="Products"
        products={products}
        selected={form.products}
        messages={errorsUnder(errors, "products")}
        onToggle={(id, on) => edit({ products: toggledProduct(form.products, id, on, products) })}
      />
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          Add agent
        </button>
        <SavedStatus text={saved} />
      </div>
    </form>
  );
}
