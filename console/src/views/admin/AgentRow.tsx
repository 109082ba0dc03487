import type { AgentUpdateInput, Product, TeamMemberDto } from "@parley/shared";
import { MAX_AGENT_CAPACITY } from "@parley/shared/constants";
import { useId, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import {
  AGENT_ISSUE_LAYOUT,
  type AgentDraft,
  agentUpdateInput,
  draftOf,
  toggledProduct,
} from "../../state/agent-form.ts";
import { errorsAt, errorsUnder, type FormErrors, formErrors } from "../../state/issues.ts";
import { StatusDot } from "../StatusDot.tsx";
import { useSession } from "../session-context.ts";
import { ErrorSummary, FieldError, invalidProps, SavedStatus } from "./FormErrors.tsx";
import { ProductChecks } from "./ProductChecks.tsx";
import { RoleSelect } from "./RoleSelect.tsx";

interface AgentRowProps {
  member: TeamMemberDto;
  isMe: boolean;
  products: readonly Product[];
}

const UNANSWERED = "The server did not answer in time. Check the row before trying again.";

/** One agent, editable in place: role, capacity and products are saved together; Disable acts at once. */
export function AgentRow({ member, isMe, products }: AgentRowProps) {
  const session = useSession();
  // Null while untouched, so the row follows live changes until the admin starts editing it.
  const [draft, setDraft] = useState<AgentDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [saved, setSaved] = useState("");
  const capacityErrorId = useId();
  const shown = draft ?? draftOf(member);
  const { name } = member;

  const edit = (patch: Partial<AgentDraft>) => {
    setDraft({ ...shown, ...patch });
    setSaved("");
  };

  const run = async (input: AgentUpdateInput, done: string, keepDraft: boolean) => {
    if (busy) return;
    setBusy(true);
    setErrors(null);
    setSaved("");
    const result = await session.admin.updateAgent(input);
    setBusy(false);
    if (result.ok) {
      if (!keepDraft) setDraft(null);
      setSaved(done);
    } else {
      const error = failureOf(result, UNANSWERED);
      setErrors(formErrors(error, AGENT_ISSUE_LAYOUT));
    }
  };

  const save = () => {
    const built = agentUpdateInput(member, shown);
    if (!built.ok) setErrors(formErrors(built.error, AGENT_ISSUE_LAYOUT));
    else if (!built.input) {
      setDraft(null);
      setSaved("No changes to save.");
    } else void run(built.input, "Saved.", false);
  };

  const capacityMessages = errorsAt(errors, "capacity");
  return (
    <tr class={member.disabled ? "is-disabled" : undefined} aria-busy={busy}>
      <th scope="row">
        {name}
        {isMe && <span class="muted"> (you)</span>}
        <span class="email">{member.email}</span>
      </th>
      <td>
        <RoleSelect label={`Role for ${name}`} value={shown.role} onChange={(role) => edit({ role })} />
      </td>
      <td>
        <input
          type="number"
          class="narrow"
          min={0}
          max={MAX_AGENT_CAPACITY}
          aria-label={`Capacity for ${name}`}
          value={shown.capacity}
          {...invalidProps(capacityErrorId, capacityMessages)}
          onInput={(e) => edit({ capacity: e.currentTarget.value })}
        />
        <FieldError id={capacityErrorId} messages={capacityMessages} />
      </td>
      <td>
        <ProductChecks
          legend={`Products for ${name}`}
          legendHidden
          products={products}
          selected={shown.products}
          messages={errorsUnder(errors, "products")}
          onToggle={(id, on) => edit({ products: toggledProduct(shown.products, id, on, products) })}
        />
      </td>
      <td>
        <StatusDot status={member.status} />
        <span class="load">
          {member.load} / {member.capacity} chats
        </span>
        {member.disabled && <span class="tag">Disabled</span>}
      </td>
      <td>
        <div class="row-actions">
          <button type="button" aria-disabled={busy} onClick={save}>
            Save changes
          </button>
          {/* Disabling yourself would end your own session with no admin left to undo it from here. */}
          {!isMe && (
            <button
              type="button"
              class="quiet"
              aria-disabled={busy}
              onClick={() =>
                void run(
                  { agentId: member.id, disabled: !member.disabled },
                  member.disabled ? "Enabled." : "Disabled.",
                  true,
                )
              }
            >
              {member.disabled ? "Enable" : "Disable"}
            </button>
          )}
          <SavedStatus text={saved} />
        </div>
        <ErrorSummary errors={errors} />
      </td>
    </tr>
  );
}
