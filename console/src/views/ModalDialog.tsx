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
 * Escape is routed through onClose. On closing, focus goes back to the control that opened it (the
 * browser would do that itself, but the dialog is removed from the page before it is closed).
 */
export function ModalDialog({ labelledBy, initialFocus, onClose, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => {
      dialog?.close();
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && opener?.isConnected) opener.focus();
    };
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
