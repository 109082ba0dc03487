import type { AgentDto } from "@parley/shared";

// Mirror the server's role checks so the console only offers what will work; the server still decides.
export const isLead = (me: Pick<AgentDto, "role">): boolean => me.role === "supervisor" || me.role === "admin";
export const isAdmin = (me: Pick<AgentDto, "role">): boolean => me.role === "admin";

export const ROLE_LABELS = { agent: "Agent", supervisor: "Supervisor", admin: "Admin" } as const;
