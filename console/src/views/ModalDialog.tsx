import type { ComponentChildren, RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

interface ModalDialogProps {
  /** The id of the dialog's heading. */
  labelledBy: string;
  /** The control that has focus when the dialog opens. */
  initialFocus: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A modal <dialog>, open while mounted: showModal() makes the rest of the page inert and keeps Tab inside;
 * Escape is routed through onClose so the opener decides where focus goes back.
 */
export function ModalDialog({ labelledBy, initialFocus, onClose, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      class="dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
