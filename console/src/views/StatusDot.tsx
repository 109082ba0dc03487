import type { AgentStatus } from "@parley/shared/constants";
import { STATUS_LABELS } from "../state/presence.ts";

/** A coloured dot plus the word: colour alone would say nothing to some readers. */
export function StatusDot({ status, withText = true }: { status: AgentStatus; withText?: boolean }) {
  return (
    <span class={`status status--${status}`}>
      <span class="status-dot" aria-hidden="true" />
      {withText && STATUS_LABELS[status]}
    </span>
  );
}
