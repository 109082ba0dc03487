import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from "@parley/shared";
import type { Namespace, Socket } from "socket.io";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";

/**
 * What a visitor's socket keeps for its whole life: two ids, nothing else. Thousands of idle widgets stay open, so
 * each one must cost little; their site is shared from the site cache and read per event (issue 10).
 */
export interface VisitorSocketData {
  visitorId: string;
  siteId: string;
}

/** What every visitor event's handler gets, built per event from the socket's ids. */
export interface VisitorContext {
  visitor: VisitorRef;
  site: SiteDoc;
  socket: VisitorSocket;
}

export interface StaffSocketData {
  agent: AgentDoc;
  sessionToken: string;
}

/** What every staff event's handler gets: the session checked again for this event, and the socket. */
export interface StaffContext extends StaffSocketData {
  socket: StaffSocket;
}

export type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  object,
  VisitorSocketData
>;
export type StaffNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, object, StaffSocketData>;
export type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, object, VisitorSocketData>;
export type StaffSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, object, StaffSocketData>;
