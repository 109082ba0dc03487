import type { AgentStatus } from "@parley/shared/constants";

export const STATUS_LABELS: Record<AgentStatus, string> = {
  online: "Online",
  away: "Away",
  offline: "Offline",
};

export const MISSED_OFFER_NOTICE = "You missed a chat offer and were set to Away";

/** How long after an offer stopped ringing a switch to away is still blamed on it. */
export const MISSED_OFFER_WINDOW_MS = 10_000;

export interface StatusChange {
  before: AgentStatus;
  after: AgentStatus;
  /** This console asked for a status change that has not been answered yet. */
  requestedHere: boolean;
  /** An offer to me is still listed (the server announces the status before it clears the offer). */
  offerRinging: boolean;
  /** Time since an offer to me last stopped ringing; Infinity if none ever did. */
  msSinceOfferEnded: number;
}

/**
 * The contract gives no reason with `agent:updated`, so the console infers it: the server sets an agent
 * who lets an offer time out from online to away, and nothing else does that except the agent (here, or
 * in another tab, in which case no offer was just ringing).
 */
export function isMissedOfferAway(change: StatusChange): boolean {
  return (
    change.before === "online" &&
    change.after === "away" &&
    !change.requestedHere &&
    (change.offerRinging || change.msSinceOfferEnded < MISSED_OFFER_WINDOW_MS)
  );
}
