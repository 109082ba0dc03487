import type { StaffCloseReason } from "@parley/shared/constants";
import { useState } from "preact/hooks";

type CloseDialogModule = typeof import("./CloseDialog.tsx");

interface CloseButtonProps {
  visitorName: string;
  busy: boolean;
  onClose: (reason: StaffCloseReason) => void;
}

/**
 * "Close conversation" asks first, with the reason. The dialog is loaded on first use: the inbox's main
 * chunk should not carry it.
 */
export function CloseButton({ visitorName, busy, onClose }: CloseButtonProps) {
  const [dialog, setDialog] = useState<CloseDialogModule | null>(null);
  const [open, setOpen] = useState(false);
  const ask = () => {
    if (busy) return;
    setOpen(true);
    if (!dialog) import("./CloseDialog.tsx").then(setDialog, () => setOpen(false));
  };
  return (
    <>
      <button type="button" class="quiet" aria-haspopup="dialog" aria-disabled={busy} onClick={ask}>
        Close conversation
      </button>
      {open && dialog && (
        <dialog.CloseDialog
          visitorName={visitorName}
          onConfirm={(reason) => {
            setOpen(false);
            onClose(reason);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}
