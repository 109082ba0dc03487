import type { Types, UpdateQuery } from "mongoose";
import type { SiteDoc } from "../sites/site.model.ts";
import { ticketSettingsOf } from "../sites/ticket-settings.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { type Derived, deriveTiming, type TicketTiming } from "./ticket-derived.ts";
import { ticketWritten } from "./ticket-written.ts";

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
  const derived = timingOnSite(next, site, now);
  // Turning at risk or breached is the SLA watch's to announce (with its alert and, on a breach, the
  // escalation): a write that crosses that line asks the watch to look now.
  // What the watch has announced, as of this write (its own writes record it in the same update).
  const watchNow = alertDue(derived.slaState, (set.slaAlerted as Alerted) ?? ticket.slaAlerted);
  const updated = await Ticket.findOneAndUpdate(
    { _id: ticket._id, status: ticket.status, ...guard },
    { $set: { ...set, ...derived, nextCheckAt: watchNow ? now : derived.nextCheckAt }, ...extra },
    { returnDocument: "after" },
  ).lean<TicketDoc>();
  if (updated) await ticketWritten(updated, site, now, ticket);
  return updated;
}

/** A ticket's derived timing on its site's calendar and auto-close period. */
export function timingOnSite(t: TicketTiming, site: SiteDoc, now: Date): Derived {
  return deriveTiming(t, site.supportHours, ticketSettingsOf(site).autoCloseWorkingDays, now);
}

type Alerted = { response?: string | null; workaround?: string | null } | null | undefined;

/** How far along the alerts a state is: at risk, then breached. */
export const alertLevel = (state: string | null | undefined): number =>
  state === "breached" ? 2 : state === "at_risk" ? 1 : 0;

/** Whether a target has reached a state the watch has not announced yet. */
export function alertDue(states: Derived["slaState"], alerted: Alerted): boolean {
  return (
    alertLevel(states.response) > alertLevel(alerted?.response) ||
    alertLevel(states.workaround) > alertLevel(alerted?.workaround)
  );
}

export function ticketById(id: Types.ObjectId): Promise<TicketDoc | null> {
  return Ticket.findById(id).lean<TicketDoc>().exec();
}
