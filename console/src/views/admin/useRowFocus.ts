import { useRef } from "preact/hooks";

/**
 * Keeps keyboard users in place in an editable list: a new row's first control takes focus, and removing
 * a row (whose Remove button had focus) hands focus to the list's Add button.
 */
export function useRowFocus() {
  const pending = useRef<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  return {
    addRef,
    added(key: string) {
      pending.current = key;
    },
    removed() {
      addRef.current?.focus();
    },
    firstControl(key: string) {
      return (el: HTMLElement | null) => {
        if (el && pending.current === key) {
          pending.current = null;
          el.focus();
        }
      };
    },
  };
}

export type RowFocus = ReturnType<typeof useRowFocus>;
