import { useId, useRef } from "preact/hooks";
import { SHORTCUTS, type Shortcut } from "../../state/shortcut-list.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { ModalDialog } from "../ModalDialog.tsx";

const COLUMNS: Column<Shortcut>[] = [
  { key: "keys", header: "Keys", cell: (s) => <kbd>{s.keys}</kbd> },
  { key: "action", header: "Action", cell: (s) => s.label },
];

/** The list of keyboard shortcuts, opened with `?`; Escape or the button closes it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy={headingId} initialFocus={closeRef} onClose={onClose}>
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <DataTable
        name={{ caption: "Keys and what they do" }}
        class="shortcut-table"
        columns={COLUMNS}
        rows={SHORTCUTS}
        rowKey={(s) => s.action}
        empty="No shortcuts."
      />
      <p class="muted">The Alt shortcuts also work while typing in the reply box; ? does not.</p>
      <div class="dialog-actions">
        <button type="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
