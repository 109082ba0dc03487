import type { StaffSocket } from "../realtime/namespaces.ts";
import type { AgentDoc } from "./agent.model.ts";

/** What every staff event's handler gets: the agent read again for this event, and the socket. */
export interface StaffContext {
  agent: AgentDoc;
  socket: StaffSocket;
}
