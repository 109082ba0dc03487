import type { SlaReadingDto, TicketChannel, TicketStatus } from "@parley/shared";
import type { Priority } from "@parley/shared/constants";

export type StaffTicketAction = "open" | "wait_on_customer" | "provide_workaround" | "resolve";

/** Button text per action; these are also the buttons' accessible names. */
export const ACTION_LABELS: Record<StaffTicketAction, string> = {
  open: "Open",
  wait_on_customer: "Waiting on customer",
  provide_workaround: "Workaround provided",
  resolve: "Resolve",
};

/** From which statuses staff may take each action (the server has the last word and may still refuse). */
const ALLOWED_FROM: Record<StaffTicketAction, readonly TicketStatus[]> = {
  open: ["new"],
  wait_on_customer: ["new", "open", "escalated", "workaround_provided"],
  provide_workaround: ["new", "open", "escalated", "waiting_on_customer"],
  resolve: ["new", "open", "workaround_provided", "escalated", "waiting_on_customer"],
};

const ACTION_ORDER: readonly StaffTicketAction[] = ["open", "wait_on_customer", "provide_workaround", "resolve"];

/** The staff actions that make sense for a ticket in `status`, in button order. */
export function actionsFor(status: TicketStatus): StaffTicketAction[] {
  return ACTION_ORDER.filter((action) => ALLOWED_FROM[action].includes(status));
}

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: "New",
  open: "Open",
  waiting_on_customer: "Waiting on customer",
  workaround_provided: "Workaround provided",
  resolved: "Resolved, awaiting confirmation",
  closed: "Closed",
  escalated: "Escalated",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

const SLA_STATE_LABELS: Record<SlaReadingDto["state"], string> = {
  running: "Running",
  at_risk: "At risk",
  breached: "Breached",
  paused: "Paused",
  met: "Met",
};

/**
 * One SLA counter in words: its state, then when it falls due (or fell due), or why there is no due time.
 * `formatDue` turns the ISO due time into local text (a parameter so this stays testable in any zone).
 */
export function slaText(reading: SlaReadingDto | null, formatDue: (iso: string) => string): string {
  if (!reading) return "No target for this priority";
  const state = SLA_STATE_LABELS[reading.state];
  if (reading.state === "paused") return `${state}: paused while waiting on the customer`;
  if (reading.state === "met") return state;
  if (!reading.dueAt) return state;
  const due = formatDue(reading.dueAt);
  return reading.state === "breached" ? `${state}: was due ${due}` : `${state}: due ${due}`;
}

/** Where a ticket came from, as the ticket page's "Came in by" reads. */
export const CHANNEL_LABELS: Record<TicketChannel, string> = {
  chat: "Chat",
  offline: "Offline request",
  email: "Email",
};
