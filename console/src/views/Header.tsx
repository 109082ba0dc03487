import type { AgentDto } from "@parley/shared";
import type { ConnectionState } from "../state/session.ts";

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
};

interface HeaderProps {
  me: AgentDto;
  connection: ConnectionState;
  connectionProblem: string | null;
  onSignOut: () => void;
}

export function Header({ me, connection, connectionProblem, onSignOut }: HeaderProps) {
  return (
    <header class="topbar">
      <h1 class="brand">Parley console</h1>
      <p class={`connection connection--${connection}`} role="status">
        <span class="connection-dot" aria-hidden="true" />
        {CONNECTION_LABELS[connection]}
      </p>
      {connectionProblem && <p class="connection-problem">{connectionProblem}</p>}
      <p class="me">
        <span class="me-name">{me.name}</span> <span class="me-role">({me.role})</span>
      </p>
      <button type="button" class="quiet" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
