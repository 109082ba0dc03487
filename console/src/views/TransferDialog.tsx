import { MAX_TRANSFER_NOTE_LENGTH } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import type { TargetedSubmitEvent } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { type TransferTargets, transferNoteTooLong } from "../state/transfer.ts";
import { ModalDialog } from "./ModalDialog.tsx";

interface TransferDialogProps {
  visitorName: string;
  targets: TransferTargets;
  /** Resolves to null when the transfer went through, else the reason it did not. */
  onSubmit: (target: string, note: string) => Promise<ErrorBody | null>;
  onClose: () => void;
}

const CHOOSE_TARGET: ErrorBody = { code: "BAD_REQUEST", message: "Choose a colleague or a product team." };

/** Where the chat goes next, with an optional note for the next agent; opens with the target list focused. */
export function TransferDialog({ visitorName, targets, onSubmit, onClose }: TransferDialogProps) {
  const selectRef = useRef<HTMLSelectElement>(null);
  const [target, setTarget] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const ids = { title: useId(), target: useId(), note: useId(), noteHint: useId(), error: useId() };
  const noteTooLong = transferNoteTooLong(note);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || noteTooLong) return;
    if (!target) {
      setError(CHOOSE_TARGET);
      selectRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const refused = await onSubmit(target, note);
    // On success the opener unmounts this dialog; only a refusal leaves anything to update.
    if (refused) {
      setBusy(false);
      setError(refused);
    }
  };

  return (
    <ModalDialog labelledBy={ids.title} initialFocus={selectRef} onClose={onClose}>
      <form onSubmit={submit} aria-busy={busy}>
        <h2 id={ids.title}>Transfer chat with {visitorName}</h2>
        {error && (
          <p id={ids.error} class="error" role="alert">
            {error.message}
          </p>
        )}
        <label for={ids.target}>Transfer to</label>
        <select
          id={ids.target}
          ref={selectRef}
          value={target}
          aria-invalid={error === CHOOSE_TARGET}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => setTarget(e.currentTarget.value)}
        >
          <option value="">Choose a colleague or a team</option>
          <optgroup label={targets.agents.length ? "Online colleagues" : "Online colleagues (nobody else is online)"}>
            {targets.agents.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          {targets.products.length > 0 && (
            <optgroup label="Product teams (back to the queue)">
              {targets.products.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <label for={ids.note}>Note for the next agent</label>
        <textarea
          id={ids.note}
          rows={4}
          value={note}
          aria-describedby={ids.noteHint}
          aria-invalid={noteTooLong}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <p id={ids.noteHint} class={noteTooLong ? "hint hint--error" : "hint"}>
          {noteTooLong
            ? `Too long: ${note.trim().length} of ${MAX_TRANSFER_NOTE_LENGTH} characters.`
            : "Optional. Only staff see it; the visitor does not."}
        </p>
        <div class="dialog-actions">
          <button type="button" class="quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" aria-disabled={busy || noteTooLong}>
            Transfer
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
