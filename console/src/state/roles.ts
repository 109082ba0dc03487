import type { AgentDto } from "@parley/shared";

// Mirror the server's role checks so the console only offers what will work; the server still decides.
export const isLead = (me: Pick<AgentDto, "role">): boolean => me.role === "supervisor" || me.role === "admin";
/**
 * A supervisor or admin with no capacity: routing never offers them a chat (it counts only capacity, not
 * role), so an Online/Away choice would change nothing for them.
 */
export const takesNoChats = (me: Pick<AgentDto, "role" | "capacity">): boolean => isLead(me) && me.capacity === 0;
export const isAdmin = (me: Pick<AgentDto, "role">): boolean => me.role === "admin";

export const ROLE_LABELS = { agent: "Agent", supervisor: "Supervisor", admin: "Admin" } as const;
