import type { CloseReason } from "@parley/shared/constants";

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  resolved: "Resolved",
  no_reply: "No reply",
  spam: "Spam",
  visitor_left: "Visitor left",
  abandoned: "Abandoned",
};
