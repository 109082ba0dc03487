import { CLOSE_REASON_LABELS, STAFF_CLOSE_REASONS, type StaffCloseReason } from "@parley/shared/constants";
import type { TargetedSubmitEvent } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { ModalDialog } from "./ModalDialog.tsx";

const HINTS: { readonly [R in StaffCloseReason]: string } = {
  resolved: "The visitor got what they needed.",
  no_reply: "The visitor stopped answering.",
  spam: "Not a real request.",
};

interface CloseDialogProps {
  visitorName: string;
  onConfirm: (reason: StaffCloseReason) => void;
  onCancel: () => void;
}

/**
 * Confirms a close and asks why. A confirmation rather than an undo: an undo would hold the close in this
 * tab for a few seconds, so a reload or a lost connection in that time would drop it, and the visitor would keep
 * writing into a chat the agent believes closed. Enter confirms (Resolved unless changed), Escape cancels.
 */
export function CloseDialog({ visitorName, onConfirm, onCancel }: CloseDialogProps) {
  const firstRef = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState<StaffCloseReason>("resolved");
  const ids = { title: useId(), hint: useId(), name: useId() };
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm(reason);
  };
  return (
    <ModalDialog labelledBy={ids.title} initialFocus={firstRef} onClose={onCancel}>
      <form
        onSubmit={submit}
        aria-describedby={ids.hint}
        // A radio button does not submit its form on Enter in every browser; here it does.
        onKeyDown={(e) => {
          if (e.key === "Enter" && e.target instanceof HTMLInputElement) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <h2 id={ids.title}>Close the chat with {visitorName}?</h2>
        <p id={ids.hint} class="hint">
          The visitor can no longer write in it. The reason is kept with the transcript.
        </p>
        <fieldset class="radios">
          <legend>Reason</legend>
          {STAFF_CLOSE_REASONS.map((r, i) => (
            <label key={r}>
              <input
                type="radio"
                name={ids.name}
                value={r}
                ref={i === 0 ? firstRef : undefined}
                checked={reason === r}
                onChange={() => setReason(r)}
              />{" "}
              {CLOSE_REASON_LABELS[r]} <span class="muted">{HINTS[r]}</span>
            </label>
          ))}
        </fieldset>
        <div class="dialog-actions">
          <button type="button" class="quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Close conversation
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
