import type { TicketAlertDto, TicketStatus } from "@parley/shared";
import type { DomainEventSink } from "../events/domain-events.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "./ticket.model.ts";
import type { TicketMessageDoc } from "./ticket-message.model.ts";

/** What happened to tickets, told after it is stored. Staff notes are told too: consumers decide what leaves. */
export interface TicketEventMap {
  /** A new ticket, or a change of status (`statusFrom` is the status before). */
  "ticket.changed": { ticket: TicketDoc; site: SiteDoc; now: Date; created: boolean; statusFrom: TicketStatus | null };
  /** A ticket reply, or a staff note (`internal`). */
  "ticket.message": { ticket: TicketDoc; message: TicketMessageDoc; site: SiteDoc };
  /** At risk, breached or escalated. */
  "ticket.alert": { ticket: TicketDoc; site: SiteDoc; alert: TicketAlertDto };
}

export type TicketEvents = DomainEventSink<TicketEventMap>;
