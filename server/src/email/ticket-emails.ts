import type { Priority, TicketStatus } from "@parley/shared";
import type { OutgoingMail } from "./mail.ts";

// Plain-text emails about a ticket, composed from plain data (no database, no clock): the ticket code
// decides when to send and passes what the email needs. Nothing here reads or mentions internal notes.

/** What every email about a ticket names. */
export interface TicketRef {
  /** "T-1001". */
  number: string;
  subject: string;
  /** The site's name, e.g. "Acme Support": where the customer follows the ticket. */
  siteName: string;
}

/** To the customer who asked. */
export interface RequesterMail extends TicketRef {
  to: string;
  requesterName: string;
  /** The email carries the ticket's reply address (inbound email is set up): answering it adds to the ticket. */
  repliesRead?: boolean;
}

/** How a status reads to the customer; also the subject line's words. */
export const STATUS_WORDS: Record<TicketStatus, string> = {
  new: "received",
  open: "open, being worked on",
  waiting_on_customer: "waiting on your reply",
  workaround_provided: "workaround provided",
  resolved: "resolved, awaiting your confirmation",
  closed: "closed",
  escalated: "escalated",
};

const STATUS_EXPLAINED: Record<TicketStatus, string> = {
  new: "We have received your ticket and will pick it up shortly.",
  open: "An engineer is working on your ticket.",
  waiting_on_customer: "We need something from you before we can go on; please see the latest reply.",
  workaround_provided: "We have given you a workaround while we work on a permanent fix.",
  resolved:
    "We believe the problem is solved. Please confirm; if it is not solved, tell us and we will reopen the ticket.",
  closed: "This ticket is closed. If the problem comes back, open a new ticket and mention this one.",
  escalated: "Your ticket has been escalated to a senior member of the team.",
};

const FOOTER = (siteName: string, repliesRead = false): string =>
  repliesRead
    ? `Reply to this email to add to the ticket, or follow it in the support chat on ${siteName}.`
    : `You can follow and answer this ticket in the support chat on ${siteName}.\n` +
      "This email was sent automatically; replies to it are not read.";

/** One line: a subject taken from user input must not break the header it ends up in. */
const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

const subjectLine = (ticket: TicketRef, what: string): string =>
  `[${ticket.number}] ${what} — ${oneLine(ticket.subject)}`;

/**
 * A due time in the site's time zone, e.g. "Tue 3 Mar 2026, 14:00 (Europe/London)". An unknown zone falls
 * back to UTC rather than failing the email.
 */
export function formatDue(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .format(at)
      .replace(/^(\w+),/, "$1");
  try {
    return `${format(timeZone)} (${timeZone})`;
  } catch {
    return `${format("UTC")} (UTC)`;
  }
}

const lines = (...parts: (string | null | false)[]): string =>
  parts.filter((p): p is string => typeof p === "string").join("\n");

export function ticketCreatedEmail(
  input: RequesterMail & {
    priority: Priority;
    /** The first-response target, null when the plan sets none. */
    responseDueAt: string | null;
    timeZone: string;
    agentName: string | null;
  },
): OutgoingMail {
  return {
    kind: "ticket_created",
    ticket: input.number,
    to: input.to,
    subject: subjectLine(input, "Ticket received"),
    text: lines(
      `Hello ${input.requesterName},`,
      "",
      `We have opened ticket ${input.number} for your request: "${oneLine(input.subject)}".`,
      `Priority: ${input.priority}`,
      input.agentName !== null && `Handled by: ${input.agentName}`,
      input.responseDueAt !== null && `We aim to respond by ${formatDue(input.responseDueAt, input.timeZone)}.`,
      "",
      FOOTER(input.siteName, input.repliesRead),
    ),
  };
}

export function ticketStatusEmail(
  input: RequesterMail & { status: TicketStatus; agentName: string | null },
): OutgoingMail {
  return {
    kind: "ticket_status",
    ticket: input.number,
    to: input.to,
    subject: subjectLine(input, `Status: ${STATUS_WORDS[input.status]}`),
    text: lines(
      `Hello ${input.requesterName},`,
      "",
      `Ticket ${input.number} is now ${STATUS_WORDS[input.status]}.`,
      STATUS_EXPLAINED[input.status],
      input.agentName !== null && `Handled by: ${input.agentName}`,
      "",
      FOOTER(input.siteName, input.repliesRead),
    ),
  };
}

/**
 * A staff reply, quoted in full. `internal: false` in the type makes the caller show that this is a reply
 * to the customer; an internal note passed anyway (through a cast) is refused at run time.
 */
export function ticketReplyEmail(
  input: RequesterMail & { agentName: string; reply: { body: string; internal: false } },
): OutgoingMail {
  if ((input.reply.internal as boolean) !== false) throw new Error("internal notes are never emailed");
  return {
    kind: "ticket_reply",
    ticket: input.number,
    to: input.to,
    subject: subjectLine(input, `Reply from ${oneLine(input.agentName)}`),
    text: lines(
      `Hello ${input.requesterName},`,
      "",
      `${input.agentName} replied to ticket ${input.number}:`,
      "",
      input.reply.body,
      "",
      FOOTER(input.siteName, input.repliesRead),
    ),
  };
}

/** To a supervisor: a ticket was escalated (by someone, or by the SLA watch when a target was missed). */
export function escalationEmail(
  input: TicketRef & {
    to: string;
    supervisorName: string;
    priority: Priority;
    status: TicketStatus;
    requesterName: string;
    /** Who escalated, e.g. "Ana", or "SLA watch". */
    escalatedBy: string;
    reason: string;
    responseDueAt: string | null;
    timeZone: string;
    assigneeName: string | null;
  },
): OutgoingMail {
  return {
    kind: "ticket_escalation",
    ticket: input.number,
    to: input.to,
    subject: subjectLine(input, `Escalated (${input.priority})`),
    text: lines(
      `Hello ${input.supervisorName},`,
      "",
      `Ticket ${input.number} on ${input.siteName} was escalated by ${input.escalatedBy}.`,
      `Reason: ${input.reason}`,
      "",
      `Subject: ${oneLine(input.subject)}`,
      `Customer: ${input.requesterName}`,
      `Priority: ${input.priority}`,
      `Status: ${input.status.replaceAll("_", " ")}`,
      `Assignee: ${input.assigneeName ?? "nobody"}`,
      input.responseDueAt !== null && `First response due: ${formatDue(input.responseDueAt, input.timeZone)}`,
      "",
      "Open the ticket in the Parley console to take it over.",
    ),
  };
}
