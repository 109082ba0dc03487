import { AGENT_STATUSES, type AgentStatus } from "@parley/shared/constants";
import { useId } from "preact/hooks";
import { STATUS_LABELS } from "../state/presence.ts";
import type { PresenceState } from "../state/session.ts";

interface StatusControlProps {
  status: AgentStatus;
  presence: PresenceState;
  onChange: (status: AgentStatus) => void;
}

const isStatus = (value: string): value is AgentStatus => (AGENT_STATUSES as readonly string[]).includes(value);

/** My status: only "Online" agents are offered chats. The server may change it (a missed offer → Away). */
export function StatusControl({ status, presence, onChange }: StatusControlProps) {
  const selectId = useId();
  const errorId = useId();
  const shown = presence.pending ?? status;
  return (
    <div class="status-control">
      <label for={selectId}>Status</label>
      <span class={`status status--${shown}`}>
        <span class="status-dot" aria-hidden="true" />
      </span>
      <select
        id={selectId}
        value={shown}
        aria-busy={presence.pending !== null}
        aria-describedby={presence.error ? errorId : undefined}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isStatus(value) && value !== shown) onChange(value);
        }}
      >
        {AGENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {presence.error && (
        <p id={errorId} class="status-error" role="alert">
          {presence.error.message}
        </p>
      )}
    </div>
  );
}
