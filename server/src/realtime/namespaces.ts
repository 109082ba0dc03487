import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from "@parley/shared";
import type { AgentRole } from "@parley/shared/constants";
import type { Namespace, Socket } from "socket.io";

/**
 * What a visitor's socket keeps for its whole life: two ids, nothing else. Thousands of idle widgets stay open, so
 * each one must cost little; their site is shared from the site cache and read per event.
 */
export interface VisitorSocketData {
  visitorId: string;
  siteId: string;
  /** The token was minted for a verified identity. */
  verified?: boolean;
}

/**
 * Plain data only: with several nodes, `fetchSockets` returns sockets of other processes with their data sent over
 * Redis as JSON, where a mongoose document would arrive as a bare object (`_id.equals` gone). The agent itself is
 * read per event (StaffContext). The session is kept by its hash, so the token never travels between nodes.
 */
export interface StaffSocketData {
  agentId: string;
  siteId: string;
  role: AgentRole;
  sessionHash: string;
}

export type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  object,
  VisitorSocketData
>;
/** An open chat as the wall's alert watch mirrors it, in JSON: what one node tells the others (serverSideEmit). */
export interface SharedOpenChat {
  id: string;
  site: string;
  status: "queued" | "active" | "closed";
  visitorName: string;
  createdAt: string;
  lastVisitorMessageAt: string | null;
  lastAgentMessageAt: string | null;
  assignedAt: string | null;
}

/** What staff-namespace nodes tell one another through the Redis adapter. */
export interface StaffServerSideEvents {
  "chat:changed": (chat: SharedOpenChat) => void;
  /** A site's webhook endpoints changed: forget the cached list (site id, hex). */
  "webhooks:changed": (site: string) => void;
}

export type StaffNamespace = Namespace<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  StaffServerSideEvents,
  StaffSocketData
>;
export type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, object, VisitorSocketData>;
export type StaffSocket = Socket<
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  StaffServerSideEvents,
  StaffSocketData
>;
