import type { AgentStatus } from "@parley/shared/constants";

export const STATUS_LABELS: Record<AgentStatus, string> = {
  online: "Online",
  away: "Away",
  offline: "Offline",
};
