import type { SupportCalendar } from "@parley/shared";
import type { StoredTicketRow } from "../figures/stats-bucket.model.ts";
import { fateOf } from "../sla/sla-clock.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { clockOf } from "./ticket-derived.ts";

/** A ticket's row as of `at`, the time it was written, on its site's calendar. */
export function ticketRowOf(t: TicketDoc, calendar: SupportCalendar, at: Date): StoredTicketRow {
  return {
    createdAt: t.createdAt,
    priority: t.fields.priority,
    response: fateOf(calendar, clockOf(t.responseClock), at),
    workaround: t.workaroundClock ? fateOf(calendar, clockOf(t.workaroundClock), at) : null,
  };
}
