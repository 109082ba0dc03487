import type { AgentDto } from "@parley/shared";
import type { AgentStatus } from "@parley/shared/constants";
import { pathFor, type Route } from "../router.ts";
import { takesNoChats } from "../state/roles.ts";
import type { ConnectionState, PresenceState } from "../state/session.ts";
import { Link } from "./Link.tsx";
import { Nav } from "./Nav.tsx";
import { SoundToggle } from "./ringing/SoundToggle.tsx";
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
  /** The agent's ring sound setting; resolves false when the server refused it. */
  onSound: (on: boolean) => Promise<boolean>;
  onSignOut: () => void;
}

export function Header(props: HeaderProps) {
  const { me, route, presence, connection, connectionProblem, onStatus, onSound, onSignOut } = props;
  return (
    <header class="topbar">
      <h1 class="brand">Parley console</h1>
      <Nav me={me} route={route} />
      {takesNoChats(me) ? (
        <p class="status-control">
          <span class="status status--online">
            <span class="status-dot" aria-hidden="true" />
          </span>
          Available to help
        </p>
      ) : (
        <>
          <StatusControl status={me.status} presence={presence} onChange={onStatus} />
          <SoundToggle on={me.notifySound} onChange={onSound} />
        </>
      )}
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
