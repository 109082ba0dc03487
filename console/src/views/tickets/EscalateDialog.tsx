import type { TicketDto } from "@parley/shared";
import { TicketEscalateInput } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { errorsAt, type FormErrors, formErrors } from "../../state/issues.ts";
import { ErrorSummary, FieldError, invalidProps } from "../admin/FormErrors.tsx";
import { ModalDialog } from "../ModalDialog.tsx";
import { useSession } from "../session-context.ts";

const LABELS = { reason: "Reason", phone: "Contact phone" };
const UNANSWERED = "No answer from the server yet. Check the ticket's status before trying again.";

interface EscalateDialogProps {
  ticket: TicketDto;
  onDone: (ticket: TicketDto) => void;
  onClose: () => void;
}

/**
 * The policy asks for a reason and the customer's phone number with an escalation. Checked with the shared
 * schema first (this chunk has zod already), then by the server; each message goes next to its field.
 */
export function EscalateDialog({ ticket, onDone, onClose }: EscalateDialogProps) {
  const session = useSession();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [phone, setPhone] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const ids = { title: useId(), reason: useId(), reasonError: useId(), phone: useId(), phoneError: useId() };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const input = { ticketId: ticket.id, reason, phone };
    const checked = TicketEscalateInput.safeParse(input);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      setErrors(formErrors({ code: "BAD_REQUEST", message: "Not escalated.", issues }, { labels: LABELS }));
      return;
    }
    setBusy(true);
    setErrors(null);
    const result = await session.tickets.escalate(checked.data);
    setBusy(false);
    if (result.ok) {
      onDone(result.data.ticket);
      return;
    }
    setErrors(formErrors(failureOf(result, UNANSWERED), { labels: LABELS }));
  };

  const reasonErrors = errorsAt(errors, "reason");
  const phoneErrors = errorsAt(errors, "phone");
  return (
    <ModalDialog labelledBy={ids.title} initialFocus={reasonRef} onClose={onClose}>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <h2 id={ids.title}>Escalate {ticket.number}</h2>
        <ErrorSummary errors={errors} />
        <label for={ids.reason}>{LABELS.reason}</label>
        <textarea
          id={ids.reason}
          ref={reasonRef}
          rows={4}
          required
          value={reason}
          {...invalidProps(ids.reasonError, reasonErrors)}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <FieldError id={ids.reasonError} messages={reasonErrors} />
        <label for={ids.phone}>{LABELS.phone}</label>
        <input
          id={ids.phone}
          type="tel"
          autocomplete="tel"
          required
          value={phone}
          {...invalidProps(ids.phoneError, phoneErrors)}
          onInput={(e) => setPhone(e.currentTarget.value)}
        />
        <FieldError id={ids.phoneError} messages={phoneErrors} />
        <div class="dialog-actions">
          <button type="button" class="quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" aria-disabled={busy}>
            Escalate ticket
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
