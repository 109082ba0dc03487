import type { AvailabilityDto, Product, SupportCalendar } from "@parley/shared";
import { currentOrNextOpening } from "./calendar.ts";

/** Beyond this, a closing time is not worth telling the widget (a 24/7 calendar "closes" in a year). */
const CLOSES_AT_HORIZON_MS = 7 * 24 * 3_600_000;

/** Whether a new chat can start now (inside support hours), and if not, until when. Pure: `now` comes in. */
export function availabilityAt(
  site: { supportHours: SupportCalendar; products: readonly Product[] },
  agentsOnline: number,
  now: Date,
): AvailabilityDto {
  const opening = currentOrNextOpening(site.supportHours, now);
  const open = opening !== null && opening.start.getTime() <= now.getTime();
  const closesAt =
    open && opening.end.getTime() - now.getTime() <= CLOSES_AT_HORIZON_MS ? opening.end.toISOString() : null;
  return {
    open,
    agentsOnline: agentsOnline > 0,
    // Inside hours a chat starts even with nobody online: it waits in the queue (always reachable).
    acceptingChats: open,
    nextOpeningAt: opening ? opening.start.toISOString() : null,
    closesAt,
    timeZone: site.supportHours.timeZone,
    products: site.products.map((p) => ({ id: p.id, name: p.name })),
  };
}
