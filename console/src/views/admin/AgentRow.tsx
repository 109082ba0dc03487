import type { AgentUpdateInput, Product, TeamMemberDto } from "@parley/shared";
import { MAX_AGENT_CAPACITY } from "@parley/shared/constants";
import { useEffect, useId, useRef, useState } from "preact/hooks";
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

/**
 * One agent, editable in place: role, capacity and products are saved together. Disabling signs the agent
 * out and sends their chats back to the queue, and a password reset signs them out too, so each asks first, in
 * the row; Enable acts at once.
 */
export function AgentRow({ member, isMe, products }: AgentRowProps) {
  const session = useSession();
  // Null while untouched, so the row follows live changes until the admin starts editing it.
  const [draft, setDraft] = useState<AgentDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [saved, setSaved] = useState("");
  // The row asks "Disable …?" or "Send … a reset link?" in place (not window.confirm): it can be read, styled and
  // cancelled with Escape.
  const [confirming, setConfirming] = useState<"disable" | "reset" | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const capacityErrorId = useId();
  const ownRoleHintId = useId();
  const questionId = useId();
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

  const setDisabled = (disabled: boolean) =>
    void run({ agentId: member.id, disabled }, disabled ? "Disabled." : "Enabled.", true);

  const sendReset = async () => {
    if (busy) return;
    setBusy(true);
    setErrors(null);
    setSaved("");
    const result = await session.admin.resetPassword(member.id);
    setBusy(false);
    if (result.ok) setSaved(`Reset link sent to ${member.email}; ${name} is signed out.`);
    else setErrors(formErrors(failureOf(result, UNANSWERED), AGENT_ISSUE_LAYOUT));
  };

  // Another admin may disable the agent meanwhile: then there is nothing left to confirm.
  const asking = confirming !== null && !member.disabled ? confirming : null;
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (confirming) {
      setConfirming(null);
      // The question held focus and has gone; the row's Enable button takes it.
      if (document.activeElement === document.body) toggleRef.current?.focus();
    }
  }, [asking]);

  // Focus goes back to the button that asked before the question disappears, so it is not lost.
  const answer = (confirmed: boolean) => {
    const question = confirming;
    setConfirming(null);
    (question === "reset" ? resetRef : toggleRef).current?.focus();
    if (!confirmed) return;
    if (question === "disable") setDisabled(true);
    else if (question === "reset") void sendReset();
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
        {/* The server refuses an admin's change to their own role, so it is not offered. */}
        <RoleSelect
          label={`Role for ${name}`}
          value={shown.role}
          disabled={isMe}
          describedBy={isMe ? ownRoleHintId : undefined}
          onChange={(role) => edit({ role })}
        />
        {isMe && (
          <span id={ownRoleHintId} class="cell-hint">
            Another admin can change your role.
          </span>
        )}
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
          <button type="button" aria-label={`Save changes for ${name}`} aria-disabled={busy} onClick={save}>
            Save changes
          </button>
          {/* Disabling yourself would end your own session with no admin left to undo it from here. */}
          {!isMe && (
            <button
              type="button"
              class="quiet"
              ref={toggleRef}
              aria-label={`${member.disabled ? "Enable" : "Disable"} ${name}`}
              aria-disabled={busy}
              onClick={() => {
                if (busy) return;
                if (member.disabled) setDisabled(false);
                else setConfirming("disable");
              }}
            >
              {member.disabled ? "Enable" : "Disable"}
            </button>
          )}
          {/* Your own password is changed on your Account page, which keeps your session. */}
          {!isMe && !member.disabled && (
            <button
              type="button"
              class="quiet"
              ref={resetRef}
              aria-label={`Send password reset to ${name}`}
              aria-disabled={busy}
              onClick={() => {
                if (!busy) setConfirming("reset");
              }}
            >
              Send password reset
            </button>
          )}
          <SavedStatus text={saved} />
        </div>
        {asking && (
          <fieldset
            class="confirm"
            aria-labelledby={questionId}
            onKeyDown={(e) => {
              if (e.key !== "Escape") return;
              e.preventDefault();
              answer(false);
            }}
          >
            {asking === "disable" ? (
              <p id={questionId}>Disable {name}? They are signed out, and their open chats go back to the queue.</p>
            ) : (
              <p id={questionId}>
                Send {name} a password reset link by email? They are signed out everywhere now; their current password
                works until they use the link.
              </p>
            )}
            <div class="row-actions">
              <button type="button" class="danger" ref={confirmRef} onClick={() => answer(true)}>
                {asking === "disable" ? "Confirm disable" : "Send reset link"}
              </button>
              <button type="button" class="quiet" onClick={() => answer(false)}>
                Cancel
              </button>
            </div>
          </fieldset>
        )}
        <ErrorSummary errors={errors} />
      </td>
    </tr>
  );
}
