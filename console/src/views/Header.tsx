import type { AgentDto } from "@parley/shared";
import type { AgentStatus } from "@parley/shared/constants";
import { pathFor, type Route } from "../router.ts";
import type { ConnectionState, PresenceState } from "../state/session.ts";
import { Link } from "./Link.tsx";
import { Nav } from "./Nav.tsx";
import { StatusControl } from "./StatusControl.tsx";

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
};

interface HeaderProps {
  me: AgentDto;
  route: Route;
  presence: PresenceState;
  connection: ConnectionState;
  connectionProblem: string | null;
  onStatus: (status: AgentStatus) => void;
  onSignOut: () => void;
}

export function Header({ me, route, presence, connection, connectionProblem, onStatus, onSignOut }: HeaderProps) {
  return (
    <header class="topbar">
      <h1 class="brand">Parley console</h1>
      <Nav me={me} route={route} />
      <StatusControl status={me.status} presence={presence} onChange={onStatus} />
      <p class={`connection connection--${connection}`} role="status">
        <span class="connection-dot" aria-hidden="true" />
        {CONNECTION_LABELS[connection]}
      </p>
      {connectionProblem && <p class="connection-problem">{connectionProblem}</p>}
      <p class="me">
        <span class="me-name">{me.name}</span> <span class="me-role">({me.role})</span>
      </p>
      <Link href={pathFor({ name: "account" })} current={route.name === "account"}>
        Change password
      </Link>
      <button type="button" class="quiet" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
