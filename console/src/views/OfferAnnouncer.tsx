import { useEffect, useRef, useState } from "preact/hooks";
import { newOffers, offerAnnouncement, offerKey, type RingingOffer } from "../state/offers.ts";

interface OfferAnnouncerProps {
  offers: readonly RingingOffer[];
  productName: (id: string) => string;
}

/**
 * Tells screen-reader users, politely, that a chat started ringing, wherever they are in the console. The
 * region stays mounted (a live region that appears with its text is often not read), and each
 * announcement is a new node so the same words twice are read twice.
 */
export function OfferAnnouncer({ offers, productName }: OfferAnnouncerProps) {
  const seen = useRef<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState({ count: 0, text: "" });
  useEffect(() => {
    const arrived = newOffers(seen.current, offers);
    seen.current = new Set(offers.map(offerKey));
    if (arrived.length > 0) setSaid((s) => ({ count: s.count + 1, text: offerAnnouncement(arrived, productName) }));
  }, [offers, productName]);
  return (
    <div class="sr-only" aria-live="polite" aria-atomic="true">
      {said.text && <p key={said.count}>{said.text}</p>}
    </div>
  );
}
