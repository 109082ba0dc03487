import { type ComponentChildren, Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { SavedStatus } from "./FormErrors.tsx";

/**
 * Which item of a list is open in the editor below it: none (null), a new one ("new"), or one of the list.
 * One at a time; closing it (saved or cancelled) puts the Add button back and gives it focus, once it is
 * on the page again (asking before the render that brings it back would find no button). `saved` is the
 * status line under it: what was last saved (or deleted) in the list.
 */
export function useEditorSlot<T>() {
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [saved, setSaved] = useState("");
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  useEffect(() => {
    if (editing !== null || !focusAdd.current) return;
    focusAdd.current = false;
    addRef.current?.focus();
  }, [editing]);
  const close = () => {
    focusAdd.current = true;
    setEditing(null);
  };
  return {
    editing,
    addRef,
    open: setEditing,
    close,
    saved,
    setSaved,
    /** The editor saved: close it and say what was saved. */
    done(text: string) {
      setSaved(text);
      close();
    },
  };
}

interface EditorSlotProps<T extends { id: string }> {
  slot: ReturnType<typeof useEditorSlot<T>>;
  addLabel: string;
  /** The editor for an item, or for a new one (null); a fresh one for each item. */
  children: (item: T | null) => ComponentChildren;
}

/** Below the list: the editor that is open, or else the Add button; then the status line. */
export function EditorSlot<T extends { id: string }>({ slot, addLabel, children }: EditorSlotProps<T>) {
  const { editing } = slot;
  return (
    <>
      {editing ? (
        <Fragment key={editing === "new" ? "new" : editing.id}>{children(editing === "new" ? null : editing)}</Fragment>
      ) : (
        <div class="form-actions">
          <button type="button" ref={slot.addRef} onClick={() => slot.open("new")}>
            {addLabel}
          </button>
        </div>
      )}
      <SavedStatus text={slot.saved} />
    </>
  );
}
