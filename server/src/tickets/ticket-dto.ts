import {
  missingForPriority,
  type SlaReadingDto,
  type SupportCalendar,
  type TicketDto,
  type TicketEventDto,
  type TicketMessageDto,
  type VisitorTicketDto,
} from "@parley/shared";
import { readSla, type SlaReading } from "../sla/sla-clock.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { clockOf } from "./ticket-derived.ts";
import type { TicketEventDoc } from "./ticket-event.model.ts";
import type { TicketMessageDoc } from "./ticket-message.model.ts";
import { formatTicketNumber } from "./ticket-number.ts";

type StoredClock = NonNullable<TicketDoc["workaroundClock"]>;

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

function read(cal: SupportCalendar, stored: StoredClock, now: Date): SlaReading {
  return readSla(cal, clockOf(stored), now);
}

function reading(cal: SupportCalendar, stored: StoredClock, now: Date): SlaReadingDto {
  const r = read(cal, stored, now);
  return { state: r.state, dueAt: iso(r.dueAt), usedMs: r.usedMs, leftMs: r.leftMs };
}

function fieldsOf(t: TicketDoc): TicketDto["fields"] {
  return { ...t.fields, product: t.fields.product ?? null };
}

/** A ticket as staff see it, its SLA read on the site's calendar at `now`. */
export function toTicketDto(t: TicketDoc, cal: SupportCalendar, now: Date): TicketDto {
  const fields = fieldsOf(t);
  return {
    id: t._id.toHexString(),
    number: formatTicketNumber(t.number),
    subject: fields.subject,
    status: t.status,
    priority: fields.priority,
    requester: { name: t.requesterName, email: t.requesterEmail ?? null },
    customer: t.customer ? { id: t.customer.toHexString(), name: t.customerName ?? "" } : null,
    entitlement: t.entitlement,
    flagged: t.flagged,
    conversationId: t.conversation?.toHexString() ?? null,
    offlineRequestId: t.offlineRequest?.toHexString() ?? null,
    channel: t.channel ?? (t.offlineRequest ? "offline" : "chat"),
    unverifiedSender: t.unverifiedSender ?? false,
    needsTriage: t.needsTriage ?? false,
    assignee: t.assignee ? { id: t.assignee.toHexString(), name: t.assigneeName ?? "" } : null,
    fields,
    missing: missingForPriority(fields),
    sla: {
      planId: t.slaPlan,
      planName: t.slaPlanName,
      response: reading(cal, t.responseClock, now),
      workaround: t.workaroundClock ? reading(cal, t.workaroundClock, now) : null,
    },
    escalation: t.escalation
      ? {
          at: t.escalation.at.toISOString(),
          automatic: t.escalation.automatic,
          by: t.escalation.by,
          reason: t.escalation.reason,
          phone: t.escalation.phone ?? null,
        }
      : null,
    resolvedAt: iso(t.resolvedAt),
    autoCloseAt: iso(t.autoCloseAt),
    closedAt: iso(t.closedAt),
    attachments: t.attachments.map((a) => ({ ...a })),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

function target(cal: SupportCalendar, stored: StoredClock, now: Date): { dueAt: string | null; met: boolean } {
  const r = read(cal, stored, now);
  return { dueAt: iso(r.dueAt), met: r.state === "met" };
}

/** What the requester sees: the targets as due times, no internal fields, no staff ids. */
export function toVisitorTicketDto(t: TicketDoc, cal: SupportCalendar, now: Date): VisitorTicketDto {
  return {
    id: t._id.toHexString(),
    number: formatTicketNumber(t.number),
    subject: t.fields.subject,
    status: t.status,
    priority: t.fields.priority,
    assigneeName: t.assigneeName ?? null,
    response: target(cal, t.responseClock, now),
    workaround: t.workaroundClock ? target(cal, t.workaroundClock, now) : null,
    autoCloseAt: iso(t.autoCloseAt),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toTicketMessageDto(m: TicketMessageDoc): TicketMessageDto {
  return {
    id: m._id.toHexString(),
    ticketId: m.ticket.toHexString(),
    clientMsgId: m.clientMsgId,
    author: { kind: m.authorKind, name: m.authorName },
    body: m.body,
    internal: m.internal,
    attachments: m.attachments.map((a) => ({ ...a })),
    createdAt: m.createdAt.toISOString(),
  };
}

export function toTicketEventDto(e: TicketEventDoc): TicketEventDto {
  return {
    at: e.at.toISOString(),
    actor: { kind: e.actorKind, name: e.actorName },
    type: e.type,
    from: e.from ?? null,
    to: e.to ?? null,
    text: e.text,
  };
}
