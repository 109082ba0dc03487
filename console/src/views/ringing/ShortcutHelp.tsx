import { useId, useRef } from "preact/hooks";
import { SHORTCUTS } from "../../state/shortcut-list.ts";
import { ModalDialog } from "../ModalDialog.tsx";

/** The list of keyboard shortcuts, opened with `?`; Escape or the button closes it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog labelledBy={headingId} initialFocus={closeRef} onClose={onClose}>
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <caption class="sr-only">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">The Alt shortcuts also work while typing in the reply box; ? does not.</p>
      <div class="dialog-actions">
        <button type="button" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
