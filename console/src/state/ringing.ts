import type { RingingOffer } from "./offers.ts";

/** The page title while chats ring this agent. */
export function ringingTitle(count: number): string {
  return count === 1 ? "(1) Chat ringing — Parley" : `(${count}) Chats ringing — Parley`;
}

/**
 * The title at a tick of the flash: the ringing text on even ticks, the page's own title on odd ones;
 * the page's own title whenever nothing rings.
 */
export function flashedTitle(pageTitle: string, ringing: number, tick: number): string {
  return ringing > 0 && tick % 2 === 0 ? ringingTitle(ringing) : pageTitle;
}

/** What the browser notification says about a chat that started ringing. */
export function notificationFor(
  offer: RingingOffer,
  productName: (id: string) => string,
): { title: string; body: string } {
  const product = offer.product ? ` (${productName(offer.product)})` : "";
  return {
    title: `Chat ringing: ${offer.visitorName}${product}`,
    body: offer.preview ?? "Open the console to answer.",
  };
}

/** Ask for notification permission? Only while the browser has not been asked and the agent did not say no here. */
export function shouldAskPermission(permission: NotificationPermission | "unsupported", refused: boolean): boolean {
  return permission === "default" && !refused;
}

/** A notification helps only when the console cannot be seen, and only with the browser's permission. */
export function shouldNotify(permission: NotificationPermission | "unsupported", hidden: boolean): boolean {
  return hidden && permission === "granted";
}

/** "You were set to Away because a chat rang for 30 s without an answer." */
export function awayNoticeText(ringSeconds: number): string {
  const rang = ringSeconds > 0 ? ` for ${ringSeconds} s` : "";
  return `You were set to Away because a chat rang${rang} without an answer.`;
}
