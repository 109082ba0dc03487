import type { AgentNoticeDto } from "@parley/shared";
import { awayNoticeText } from "../../state/ringing.ts";

interface AwayNoticeProps {
  notice: AgentNoticeDto | null;
  onGoOnline: () => void;
  onDismiss: () => void;
}

/** Why the server set me Away, with the one thing to do about it. The region stays mounted so it is announced. */
export function AwayNotice({ notice, onGoOnline, onDismiss }: AwayNoticeProps) {
  return (
    <div class="away-notice-region" role="status">
      {notice && (
        <p class="away-notice" key={notice.at}>
          <span>{awayNoticeText(notice.ringSeconds)}</span>{" "}
          <button type="button" class="primary" onClick={onGoOnline}>
            Go online
          </button>{" "}
          <button type="button" class="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
