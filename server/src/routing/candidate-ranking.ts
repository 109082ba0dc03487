/** What routing needs to know about an agent to rank them for one chat. */
export interface Candidate {
  id: string;
  load: number;
  capacity: number;
  products: readonly string[];
  /** Null if never assigned: they have waited longest of all. */
  lastAssignedAt: Date | null;
}

export interface ChatNeeds {
  product: string | null;
  /** Agents who declined the chat or transferred it away. */
  declinedBy: readonly string[];
}

/**
 * Online agents who could take the chat, best first:
 * 1. those who support the chat's product, if it names one (a preference, not a filter: a chat about a
 *    product nobody online supports still reaches someone);
 * 2. then the least busy, by chats held and offers ringing;
 * 3. then whoever has waited longest since their last assignment;
 * 4. then by id, so equal agents always come out in the same order.
 * Agents at capacity and agents who declined the chat are left out.
 */
export function rankCandidates<C extends Candidate>(agents: readonly C[], chat: ChatNeeds): C[] {
  const declined = new Set(chat.declinedBy);
  const supports = (a: C): number => (chat.product !== null && a.products.includes(chat.product) ? 0 : 1);
  const waited = (a: C): number => a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return agents
    .filter((a) => a.load < a.capacity && !declined.has(a.id))
    .sort(
      (a, b) =>
        supports(a) - supports(b) ||
        a.load - b.load ||
        waited(a) - waited(b) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
