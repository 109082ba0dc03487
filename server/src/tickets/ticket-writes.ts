import type { Types, UpdateQuery } from "mongoose";
import type { SiteDoc } from "../sites/site.model.ts";
import type { SlaState } from "../sla/sla-clock.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { deriveTiming, type TicketTiming } from "./ticket-derived.ts";
import { ticketSettingsOf } from "./ticket-settings.ts";

/**
 * Every write to a ticket goes through here: a compare-and-set on what the caller read (its status, and
 * any other fields it decided on), with the derived timing (SLA states, next check, due and auto-close
 * times) recomputed from the fields as they will be. Null when the ticket changed meanwhile.
 */
export async function updateTicketIf(
  ticket: TicketDoc,
  guard: Record<string, unknown>,
  set: Partial<TicketTiming> & Record<string, unknown>,
  site: SiteDoc,
  now: Date,
  extra: Pick<UpdateQuery<TicketDoc>, "$push"> = {},
): Promise<TicketDoc | null> {
  const next: TicketTiming = {
    status: set.status ?? ticket.status,
    responseClock: set.responseClock ?? ticket.responseClock,
    workaroundClock: set.workaroundClock === undefined ? (ticket.workaroundClock ?? null) : set.workaroundClock,
    resolvedAt: set.resolvedAt === undefined ? (ticket.resolvedAt ?? null) : set.resolvedAt,
  };
  const derived = deriveTiming(next, site.supportHours, ticketSettingsOf(site).autoCloseWorkingDays, now);
  // Turning at risk or breached is the SLA watch's to announce (with its alert and, on a breach, the
  // escalation): a write that happens to cross that line leaves the old state and asks the watch to look now.
  const stored = ticket.slaState ?? { response: "running", workaround: null };
  const keep = (before: string | null | undefined, after: SlaState | null) =>
    after && ALERTED.has(after) && after !== before ? (before ?? null) : after;
  const slaState = {
    response: keep(stored.response, derived.slaState.response),
    workaround: keep(stored.workaround, derived.slaState.workaround),
  };
  const watchNow =
    slaState.response !== derived.slaState.response || slaState.workaround !== derived.slaState.workaround;
  return Ticket.findOneAndUpdate(
    { _id: ticket._id, status: ticket.status, ...guard },
    { $set: { ...set, ...derived, slaState, nextCheckAt: watchNow ? now : derived.nextCheckAt }, ...extra },
    { returnDocument: "after" },
  ).lean<TicketDoc>();
}

const ALERTED = new Set<SlaState>(["at_risk", "breached"]);

export function ticketById(id: Types.ObjectId): Promise<TicketDoc | null> {
  return Ticket.findById(id).lean<TicketDoc>().exec();
}
