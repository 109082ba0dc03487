import type { SiteDoc } from "../sites/site.model.ts";
import { scheduleCheck } from "../sla/sla-schedule.ts";
import { recordTicket } from "../supervision/figures-ledger.ts";
import type { TicketDoc } from "./ticket.model.ts";

/**
 * After every write that creates or changes a ticket: the two places that keep a copy of what the SLA watch and
 * the figures need of it, so neither reads the whole ticket history (issue 10).
 */
export async function ticketWritten(ticket: TicketDoc, site: SiteDoc, at: Date): Promise<void> {
  recordTicket(ticket, site.supportHours, at);
  await scheduleCheck(ticket);
}
