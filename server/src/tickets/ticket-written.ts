import { isDeepStrictEqual } from "node:util";
import type { SiteDoc } from "../sites/site.model.ts";
import { scheduleCheck } from "../sla/sla-schedule.ts";
import { recordTicket, ticketRowOf } from "../supervision/figures-ledger.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { indexTicket, ticketIndexRowOf } from "./ticket-list.ts";

/**
 * After every write that creates or changes a ticket: the places that keep a copy of what the SLA watch, the
 * figures and the console's list need of it, so none of them reads the whole ticket history (issue 10). Given the
 * ticket as it was before the write, only the copies that the write changed are written again.
 */
export async function ticketWritten(ticket: TicketDoc, site: SiteDoc, at: Date, before?: TicketDoc): Promise<void> {
  const changed = <T>(of: (t: TicketDoc) => T) => !before || !isDeepStrictEqual(of(before), of(ticket));
  if (changed((t) => ticketRowOf(t, site.supportHours, at))) recordTicket(ticket, site.supportHours, at);
  await Promise.all([
    changed((t) => t.nextCheckAt?.getTime() ?? null) ? scheduleCheck(ticket) : undefined,
    changed(ticketIndexRowOf) ? indexTicket(ticket) : undefined,
  ]);
}
