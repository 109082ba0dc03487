import { AppError } from "../errors/app-error.ts";
import type { AgentDoc } from "./agent.model.ts";

/** Supervisors and admins may see and act on every chat of their site. */
export const isLead = (agent: Pick<AgentDoc, "role">): boolean => agent.role === "supervisor" || agent.role === "admin";

/** Agent accounts, products, hours and routing are an admin's to change. */
export function requireAdmin(agent: Pick<AgentDoc, "role">): void {
  if (agent.role !== "admin") throw new AppError("FORBIDDEN", "Only an admin can change this");
}

/** The wall, whispers, joining others' chats and the figures are for supervisors and admins. */
export function requireLead(agent: Pick<AgentDoc, "role">): void {
  if (!isLead(agent)) throw new AppError("FORBIDDEN", "Only a supervisor or an admin can do this");
}
