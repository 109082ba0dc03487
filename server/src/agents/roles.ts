import type { AgentDoc } from "./agent.model.ts";

/** Supervisors and admins may see and act on every chat of their site. */
export const isLead = (agent: Pick<AgentDoc, "role">): boolean => agent.role === "supervisor" || agent.role === "admin";

// Which commands each role may send is declared in staff-command-roles.ts and enforced by the dispatcher.
