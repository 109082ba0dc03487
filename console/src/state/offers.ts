import type { ConversationSummaryDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";

type Summary = ConversationSummaryDto;

/** A queued chat that is ringing this agent now. */
export type RingingOffer = Summary & { offer: NonNullable<Summary["offer"]> };

/** Chats ringing me, the one that stops ringing first at the top. */
export function offersFor(waiting: readonly Summary[], meId: string): RingingOffer[] {
  return waiting
    .filter((c): c is RingingOffer => c.status === "queued" && c.offer?.agent.id === meId)
    .sort((a, b) => (a.offer.expiresAt < b.offer.expiresAt ? -1 : a.offer.expiresAt > b.offer.expiresAt ? 1 : 0));
}

/**
 * One offer of one chat. A chat can ring the same agent twice (say after a transfer back to the queue),
 * and an answer to the first offer must not be shown against the second.
 */
export function offerKey(c: RingingOffer): string {
  return `${c.id}@${c.offer.expiresAt}`;
}

/** Offers in `current` that were not ringing before: the ones to announce. */
export function newOffers(before: ReadonlySet<string>, current: readonly RingingOffer[]): RingingOffer[] {
  return current.filter((c) => !before.has(offerKey(c)));
}

/** What a screen reader hears when chats start ringing. */
export function offerAnnouncement(arrived: readonly RingingOffer[], productName: (id: string) => string): string {
  if (arrived.length === 0) return "";
  const one = (c: RingingOffer) => (c.product ? `${c.visitorName} (${productName(c.product)})` : c.visitorName);
  return arrived.length === 1
    ? `Incoming chat from ${one(arrived[0] as RingingOffer)}.`
    : `${arrived.length} incoming chats: ${arrived.map(one).join(", ")}.`;
}

/**
 * "1:05", "0:09"; never negative. The server's clock decides when an offer really ends, so a skewed local
 * clock may show 0:00 for a moment while the offer still stands; accepting is still allowed then.
 */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** An answer to an offer in flight, or the reason the last one was refused. */
export interface OfferAction {
  readonly pending: "accept" | "decline" | null;
  readonly error: ErrorBody | null;
}

export type OfferActions = Readonly<Record<string, OfferAction>>;

export function offerActionStarted(actions: OfferActions, key: string, pending: "accept" | "decline"): OfferActions {
  return { ...actions, [key]: { pending, error: null } };
}

/** Success forgets the offer (the server's update removes it); a refusal stays shown next to it. */
export function offerActionFinished(actions: OfferActions, key: string, error: ErrorBody | null): OfferActions {
  const { [key]: _done, ...rest } = actions;
  return error ? { ...rest, [key]: { pending: null, error } } : rest;
}
