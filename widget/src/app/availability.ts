import type { AvailabilityDto } from "@parley/shared";
import { text } from "./i18n/language.ts";
import { formatOpening } from "./opening-time.ts";

/**
 * Whether a chat can start. null while the first answer is awaited; "unknown" when the server could not be
 * asked (no connection yet): the chat form is offered then, and a start the server refuses comes back as
 * SUPPORT_OFFLINE, so nothing is lost by guessing.
 */
export type Availability = AvailabilityDto | "unknown" | null;

/** What a visitor without an open conversation sees. */
export type StartView = "checking" | "pre-chat" | "offline";

/**
 * @param offlineForced The server refused a start as SUPPORT_OFFLINE, or an offline request is still on its
 *   way: the offline form stays, whatever an availability answer from before that said.
 */
export function startView(availability: Availability, offlineForced: boolean, leavingMessage = false): StartView {
  if (offlineForced) return "offline";
  if (availability === null) return "checking";
  if (availability === "unknown") return "pre-chat";
  // Outside hours the visitor chooses: a message left in the chat (the pre-chat form) or the offline form.
  return availability.acceptingChats || leavingMessage ? "pre-chat" : "offline";
}

/**
 * When support opens, said in the site's time zone and naming it ("Monday at 5:00 AM GMT"): the visitor is
 * told when the team will be there, in the team's terms and the visitor's language. Null while open or with
 * no opening.
 */
export function openingInSiteZone(availability: Availability, now: Date): string | null {
  const at = nextOpening(availability);
  if (!at || typeof availability !== "object" || availability === null) return null;
  return formatOpening(at, now, text(), availability.timeZone);
}

/**
 * When support opens, worth saying only while it is closed: while open, `nextOpeningAt` is "now".
 */
export function nextOpening(availability: Availability): string | null {
  return typeof availability === "object" && availability !== null && !availability.open
    ? availability.nextOpeningAt
    : null;
}

/**
 * Milliseconds until the support-hours boundary this answer depends on (closing while open, opening while
 * closed), negative if the visitor's clock says it has passed; null if there is none to wait for. The server
 * pushes agent changes but not calendar boundaries, so the widget asks again when one passes.
 */
export function untilBoundary(availability: AvailabilityDto, now: number): number | null {
  const at = availability.open ? availability.closesAt : availability.nextOpeningAt;
  if (!at) return null;
  const time = Date.parse(at);
  return Number.isNaN(time) ? null : time - now;
}
