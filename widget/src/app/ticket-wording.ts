import type { TicketStatus, VisitorTicketDto } from "@parley/shared";
import type { Priority } from "@parley/shared/constants";
import { formatOpening } from "./opening-time.ts";

/** Statuses as the customer reads them: what it means for them, not the desk's workflow names. */
const STATUS_TEXT: Record<TicketStatus, string> = {
  new: "Received",
  open: "In progress",
  waiting_on_customer: "Waiting on you",
  workaround_provided: "Workaround provided",
  resolved: "Resolved — please confirm",
  closed: "Closed",
  escalated: "Escalated",
};

export function ticketStatusText(status: TicketStatus): string {
  return STATUS_TEXT[status] ?? status;
}

export function priorityText(priority: Priority): string {
  return `${priority.charAt(0).toUpperCase()}${priority.slice(1)} priority`;
}

type Target = VisitorTicketDto["response"];

/**
 * The ticket's SLA targets in words (shared/spec/support-policy.txt, "Priority Levels"): when the first
 * response and the workaround are due, in the visitor's own time zone, or that they were met. A target with
 * no due time that is not met is on hold while the ticket waits on the customer; on a resolved or closed
 * ticket an unmet, undated target no longer matters and is left out. `locale`/`timeZone` are for tests.
 */
export function targetLines(ticket: VisitorTicketDto, now: Date, locale?: string, timeZone?: string): string[] {
  const lines: string[] = [];
  const add = (line: string | null) => {
    if (line) lines.push(line);
  };
  const settled = ticket.status === "resolved" || ticket.status === "closed";
  const line = (target: Target, name: string, met: string): string | null => {
    if (target.met) return met;
    if (target.dueAt) {
      const when = formatOpening(target.dueAt, now, locale, timeZone);
      if (!when) return null;
      return new Date(target.dueAt) < now ? `${name} overdue since ${when}` : `${name} due by ${when}`;
    }
    if (settled) return null;
    return ticket.status === "waiting_on_customer" ? `${name}: on hold while we wait for you` : null;
  };
  add(line(ticket.response, "First response", "Responded"));
  if (ticket.workaround) add(line(ticket.workaround, "Workaround", "Workaround provided"));
  return lines;
}

/** For a resolved ticket: when it closes by itself if the customer does not answer. */
export function autoCloseText(ticket: VisitorTicketDto, now: Date, locale?: string, timeZone?: string): string | null {
  if (ticket.status !== "resolved" || !ticket.autoCloseAt) return null;
  const when = formatOpening(ticket.autoCloseAt, now, locale, timeZone);
  return when ? `If we don't hear from you, it closes ${when}.` : null;
}
