import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from "@parley/shared";
import type { Namespace, Socket } from "socket.io";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { VisitorDoc } from "../visitors/visitor.model.ts";

export interface VisitorSocketData {
  visitor: VisitorDoc;
  site: SiteDoc;
}

export interface StaffSocketData {
  agent: AgentDoc;
  sessionToken: string;
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
