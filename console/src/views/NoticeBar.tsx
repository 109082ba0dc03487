import type { Ref } from "preact";
import type { Notice } from "../state/session.ts";

interface NoticeBarProps {
  notice: Notice | null;
  onDismiss: () => void;
  /** Where focus can go after an action removed the control that had it (a transfer, say). */
  focusRef: Ref<HTMLDivElement>;
}

/** The status region is always present, so a notice that appears in it is announced. */
export function NoticeBar({ notice, onDismiss, focusRef }: NoticeBarProps) {
  return (
    <div class="notice-bar" role="status" tabIndex={-1} ref={focusRef}>
      {notice && (
        <p class="notice" key={notice.id}>
          <span>{notice.text}</span>{" "}
          <button type="button" class="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
