import type { SlaReadingDto, TicketDto, TicketListInput, TicketStatus } from "@parley/shared";
import type { Priority } from "@parley/shared/constants";
import { formatDuration } from "../format.ts";

/** "open": every status but closed (the list's default); "any": closed ones too; else that one status. */
export type StatusFilter = "open" | "any" | TicketStatus;
/** "" is anyone; "me", "none" (unassigned) or a team member's id. */
export type AssigneeFilter = "" | "me" | "none" | (string & {});
export type SlaFilter = "" | NonNullable<TicketListInput["sla"]>;
export type TicketSort = NonNullable<TicketListInput["sort"]>;

/** What the list page's filter controls hold; "" means "any". */
export interface TicketFilters {
  readonly status: StatusFilter;
  readonly priority: "" | Priority;
  readonly assignee: AssigneeFilter;
  readonly product: string;
  readonly customerId: string;
  readonly sla: SlaFilter;
  readonly q: string;
  readonly sort: TicketSort;
}

export const DEFAULT_TICKET_FILTERS: TicketFilters = {
  status: "open",
  priority: "",
  assignee: "",
  product: "",
  customerId: "",
  sla: "",
  q: "",
  sort: "due",
};

/** Every status except closed, in lifecycle order: what "open tickets" means on the list. */
export const NOT_CLOSED: readonly TicketStatus[] = [
  "new",
  "open",
  "escalated",
  "waiting_on_customer",
  "workaround_provided",
  "resolved",
];

/** The `ticket:list` payload for the filters: only the filters set, the search text trimmed. */
export function listInput(filters: TicketFilters): TicketListInput {
  const input: TicketListInput = { sort: filters.sort };
  if (filters.status === "open") input.status = [...NOT_CLOSED];
  else if (filters.status !== "any") input.status = [filters.status];
  if (filters.priority) input.priority = [filters.priority];
  if (filters.assignee) input.assignee = filters.assignee;
  if (filters.product) input.product = filters.product;
  if (filters.customerId) input.customerId = filters.customerId;
  if (filters.sla) input.sla = filters.sla;
  const q = filters.q.trim();
  if (q) input.q = q;
  return input;
}

/**
 * A `ticket:updated` push for the list: a row already shown is replaced in place (the server's order is
 * kept until the next query); a ticket not shown is `unseen`, and the page asks the server again, since
 * only the server knows whether it matches the filters and where it sorts.
 */
export function applyTicketUpdate(
  rows: readonly TicketDto[],
  ticket: TicketDto,
): { rows: readonly TicketDto[]; unseen: boolean } {
  const index = rows.findIndex((r) => r.id === ticket.id);
  if (index === -1) return { rows, unseen: true };
  const current = rows[index];
  // An older push arriving after a newer answer must not undo it.
  if (current && Date.parse(current.updatedAt) > Date.parse(ticket.updatedAt)) return { rows, unseen: false };
  const next = [...rows];
  next[index] = ticket;
  return { rows: next, unseen: false };
}

/**
 * One SLA target in a table cell: its state, then the working time left (running, at risk) or when it
 * was due (breached). `formatDue` turns the ISO time into local text.
 */
export function slaCellText(reading: SlaReadingDto | null, formatDue: (iso: string) => string): string {
  if (!reading) return "No target";
  switch (reading.state) {
    case "met":
      return "Met";
    case "paused":
      return "Paused";
    case "breached":
      return reading.dueAt ? `Breached: was due ${formatDue(reading.dueAt)}` : "Breached";
    case "running":
    case "at_risk": {
      const label = reading.state === "running" ? "Running" : "At risk";
      const due = reading.dueAt ? ` (due ${formatDue(reading.dueAt)})` : "";
      return `${label}: ${formatDuration(Math.max(0, reading.leftMs))} working time left${due}`;
    }
  }
}

/** Whether a ticket had to be flagged (no entitlement when created), in words for the list and page. */
export function entitlementText(
  entitlement: TicketDto["entitlement"],
  formatDate: (isoOrDate: string) => string,
): string {
  switch (entitlement.kind) {
    case "free":
      return `Free support until ${formatDate(entitlement.until)}`;
    case "paid":
      return `Paid support until ${formatDate(entitlement.until)}`;
    case "none":
      return `Not entitled: free support ended ${formatDate(entitlement.freeEndedAt)}`;
    case "unknown":
      return `Entitlement unknown: ${entitlement.reason}`;
  }
}
