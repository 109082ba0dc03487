/** Used until a site has closed chats to learn from: a typical first-line support chat. */
export const DEFAULT_HANDLE_MS = 6 * 60_000;

/** How many recently closed chats the handling-time average looks at. */
export const HANDLE_SAMPLE_SIZE = 20;

export interface TeamCapacity {
  /** Sum of capacity over agents who are online. */
  totalSlots: number;
  /** Slots of online agents not taken by a chat or a ringing offer. */
  freeSlots: number;
}

/**
 * Estimated wait in seconds for the chat at `position` (1 = next), or null when nobody is online.
 * Chats ahead of this one fill the free slots first; past those, each further chat waits for a slot to
 * free, and with S slots each turning over every `avgHandleMs` on average, one frees every avgHandle / S.
 * So: max(0, position - free) * avgHandle / S. Chats at or within the free slots only wait for an agent
 * to accept their offer, counted as zero.
 */
export function estimateWaitSeconds(position: number, team: TeamCapacity, avgHandleMs: number): number | null {
  if (team.totalSlots <= 0) return null;
  const waitingForASlot = Math.max(0, position - team.freeSlots);
  return Math.round((waitingForASlot * avgHandleMs) / team.totalSlots / 1000);
}

/** Mean handling time (accepted → closed) of recent chats; the default until there are any. */
export function averageHandleMs(samples: readonly { assignedAt: Date; closedAt: Date }[]): number {
  const spans = samples.map((s) => s.closedAt.getTime() - s.assignedAt.getTime()).filter((ms) => ms > 0);
  if (spans.length === 0) return DEFAULT_HANDLE_MS;
  return spans.reduce((a, b) => a + b, 0) / spans.length;
}
