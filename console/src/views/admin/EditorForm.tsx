import type { ComponentChildren, TargetedSubmitEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { type CommandResult, failureOf } from "../../realtime/socket.ts";
import { type FormErrors, formErrors, type IssueLayout } from "../../state/issues.ts";
import { ErrorSummary } from "./FormErrors.tsx";

/**
 * The state of the form that edits one item of a list (see EditorSlot): its messages, whether a save is on its
 * way, and its first field, which takes focus when the form opens.
 */
export function useEditorForm() {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  /** Sends the item; the server's refusal goes next to the fields `layout` names, or `unanswered` if it is silent. */
  const save = async <T,>(
    request: Promise<CommandResult<T>>,
    { layout, unanswered, onSaved }: { layout: IssueLayout; unanswered: string; onSaved: (data: T) => void },
  ) => {
    setBusy(true);
    setErrors(null);
    const result = await request;
    setBusy(false);
    if (result.ok) onSaved(result.data);
    else setErrors(formErrors(failureOf(result, unanswered), layout));
  };

  return { errors, setErrors, busy, firstRef, save };
}

interface EditorFormProps {
  state: ReturnType<typeof useEditorForm>;
  /** "New customer", "Edit customer Acme": the form's name and heading. */
  title: string;
  saveLabel: string;
  class?: string;
  /** Called on submit unless a save is already on its way. */
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

/** The form that edits one item of a list: its heading, the summary of messages, the fields, Save and Cancel. */
export function EditorForm({ state, title, saveLabel, onSubmit, onCancel, children, ...props }: EditorFormProps) {
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!state.busy) onSubmit();
  };
  return (
    <form
      class={props.class ? `admin-form ${props.class}` : "admin-form"}
      aria-label={title}
      onSubmit={submit}
      noValidate
      aria-busy={state.busy}
    >
      <h4>{title}</h4>
      <ErrorSummary errors={state.errors} />
      {children}
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={state.busy}>
          {saveLabel}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
