import type { TicketStatus, VisitorTicketDto } from "@parley/shared";
import type { Priority } from "@parley/shared/constants";
import type { Catalogue } from "./i18n/en.ts";
import { text } from "./i18n/language.ts";
import { ticketsText } from "./i18n/tickets.ts";
import type { TicketsCatalogue } from "./i18n/tickets-en.ts";
import { formatOpening } from "./opening-time.ts";

export function ticketStatusText(status: TicketStatus): string {
  return ticketsText().statuses[status] ?? status;
}

export function priorityText(priority: Priority): string {
  return ticketsText().priority[priority];
}

type Target = VisitorTicketDto["response"];

/** The catalogues and time zone to word a ticket in: the visitor's by default; tests pass their own. */
interface Wording {
  t?: Catalogue;
  tickets?: TicketsCatalogue;
  timeZone?: string;
}

/**
 * The ticket's SLA targets in words (shared/spec/support-policy.txt, "Priority Levels"): when the first
 * response and the workaround are due, in the visitor's own time zone, or that they were met. A target with
 * no due time that is not met is on hold while the ticket waits on the customer; on a resolved or closed
 * ticket an unmet, undated target no longer matters and is left out.
 */
export function targetLines(
  ticket: VisitorTicketDto,
  now: Date,
  { t = text(), tickets = ticketsText(), timeZone }: Wording = {},
): string[] {
  const lines: string[] = [];
  const add = (line: string | null) => {
    if (line) lines.push(line);
  };
  const settled = ticket.status === "resolved" || ticket.status === "closed";
  const line = (target: Target, name: string, met: string): string | null => {
    if (target.met) return met;
    if (target.dueAt) {
      const when = formatOpening(target.dueAt, now, t, timeZone);
      if (!when) return null;
      return new Date(target.dueAt) < now ? tickets.overdueSince(name, when) : tickets.dueBy(name, when);
    }
    if (settled) return null;
    return ticket.status === "waiting_on_customer" ? tickets.onHold(name) : null;
  };
  add(line(ticket.response, tickets.firstResponse, tickets.responded));
  if (ticket.workaround) add(line(ticket.workaround, tickets.workaround, tickets.workaroundProvided));
  return lines;
}

/** For a resolved ticket: when it closes by itself if the customer does not answer. */
export function autoCloseText(
  ticket: VisitorTicketDto,
  now: Date,
  { t = text(), tickets = ticketsText(), timeZone }: Wording = {},
): string | null {
  if (ticket.status !== "resolved" || !ticket.autoCloseAt) return null;
  const when = formatOpening(ticket.autoCloseAt, now, t, timeZone);
  return when ? tickets.autoClose(when) : null;
}
