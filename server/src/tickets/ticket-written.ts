import { isDeepStrictEqual } from "node:util";
import { recordTicket } from "../figures/figures-ledger.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { scheduleCheck } from "./sla-schedule.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { ticketRowOf } from "./ticket-figures-row.ts";
import { indexTicket, ticketIndexRowOf } from "./ticket-list.ts";

/**
 * After every write that creates or changes a ticket: the places that keep a copy of what the SLA watch, the
 * figures and the console's list need of it, so none of them reads the whole ticket history. Given the
 * ticket as it was before the write, only the copies that the write changed are written again.
 */
export async function ticketWritten(ticket: TicketDoc, site: SiteDoc, at: Date, before?: TicketDoc): Promise<void> {
  // Each copy is worked out once for the ticket (its figures row reads the SLA clocks) and compared with the same
  // copy of the ticket before.
  const changed = <T>(of: (t: TicketDoc) => T, now: T) => !before || !isDeepStrictEqual(of(before), now);
  const figuresRow = ticketRowOf(ticket, site.supportHours, at);
  if (changed((t) => ticketRowOf(t, site.supportHours, at), figuresRow)) recordTicket(ticket, figuresRow);
  const indexRow = ticketIndexRowOf(ticket);
  const checkAt = (t: TicketDoc) => t.nextCheckAt?.getTime() ?? null;
  await Promise.all([
    changed(checkAt, checkAt(ticket)) ? scheduleCheck(ticket) : undefined,
    changed(ticketIndexRowOf, indexRow) ? indexTicket(ticket, indexRow) : undefined,
  ]);
}
