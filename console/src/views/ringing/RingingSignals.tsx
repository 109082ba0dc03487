import { useEffect, useRef } from "preact/hooks";
import { navigate, pathFor } from "../../router.ts";
import { newOffers, offerKey, type RingingOffer } from "../../state/offers.ts";
import { flashedTitle, notificationFor, shouldNotify } from "../../state/ringing.ts";
import { listenForFirstGesture, playChime } from "./chime.ts";
import { permission } from "./notifications.ts";

interface RingingSignalsProps {
  offers: readonly RingingOffer[];
  sound: boolean;
  productName: (id: string) => string;
}

const RINGING_TITLE = /Chats? ringing — Parley$/;

/**
 * What makes a ringing chat hard to miss on any console page: a chime (if the agent keeps it on), a
 * browser notification while the tab is hidden, and a title that flashes with the count. Renders nothing.
 */
export function RingingSignals({ offers, sound, productName }: RingingSignalsProps) {
  const seen = useRef<ReadonlySet<string>>(new Set());
  const shown = useRef(new Map<string, Notification>());
  useEffect(() => listenForFirstGesture(), []);

  useEffect(() => {
    const arrived = newOffers(seen.current, offers);
    seen.current = new Set(offers.map(offerKey));
    if (arrived.length > 0 && sound) playChime();
    if (shouldNotify(permission(), document.visibilityState === "hidden")) {
      for (const offer of arrived) shown.current.set(offerKey(offer), notify(offer, productName));
    }
    // A notification for a chat that stopped ringing would lead nowhere.
    for (const [key, notification] of shown.current) {
      if (!seen.current.has(key)) {
        notification.close();
        shown.current.delete(key);
      }
    }
  }, [offers, sound, productName]);

  const ringing = offers.length;
  useEffect(() => {
    if (ringing === 0) return;
    let pageTitle = document.title;
    let tick = 0;
    const flash = () => {
      // A page that retitled itself meanwhile (a chat opened) is what to come back to.
      if (!RINGING_TITLE.test(document.title)) pageTitle = document.title;
      document.title = flashedTitle(pageTitle, ringing, tick++);
    };
    flash();
    const timer = setInterval(flash, 1_000);
    return () => {
      clearInterval(timer);
      if (RINGING_TITLE.test(document.title)) document.title = pageTitle;
    };
  }, [ringing]);

  return null;
}

function notify(offer: RingingOffer, productName: (id: string) => string): Notification {
  const { title, body } = notificationFor(offer, productName);
  const notification = new Notification(title, { body, tag: offerKey(offer) });
  notification.onclick = () => {
    window.focus();
    navigate(pathFor({ name: "conversation", id: offer.id }));
    notification.close();
  };
  return notification;
}
