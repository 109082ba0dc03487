import {
  missingForPriority,
  type SlaReadingDto,
  type SupportCalendar,
  type TicketDto,
  type TicketEventDto,
} from "@parley/shared";
import { readSla, type SlaClock } from "../sla/sla-clock.ts";
import type { TicketDoc } from "./ticket.model.ts";
import type { TicketEventDoc } from "./ticket-event.model.ts";
import { formatTicketNumber } from "./ticket-number.ts";

function clockOf(stored: NonNullable<TicketDoc["workaroundClock"]>): SlaClock {
  return {
    startedAt: stored.startedAt,
    targetMs: stored.targetMs,
    pauses: stored.pauses.map((p) => ({ from: p.from, to: p.to ?? null })),
    metAt: stored.metAt ?? null,
  };
}

function reading(cal: SupportCalendar, stored: NonNullable<TicketDoc["workaroundClock"]>, now: Date): SlaReadingDto {
  const r = readSla(cal, clockOf(stored), now);
  return { state: r.state, dueAt: r.dueAt?.toISOString() ?? null, usedMs: r.usedMs, leftMs: r.leftMs };
}

/** A ticket as staff see it, its SLA read on the site's calendar at `now`. */
export function toTicketDto(t: TicketDoc, cal: SupportCalendar, now: Date): TicketDto {
  const { subject, ...rest } = t.fields;
  const fields = { subject, ...rest, product: rest.product ?? null };
  return {
    id: t._id.toHexString(),
    number: formatTicketNumber(t.number),
    subject,
    status: t.status,
    priority: t.fields.priority,
    requester: { name: t.requesterName, email: t.requesterEmail ?? null },
    conversationId: t.conversation?.toHexString() ?? null,
    offlineRequestId: t.offlineRequest?.toHexString() ?? null,
    assignee: t.assignee ? { id: t.assignee.toHexString(), name: t.assigneeName ?? "" } : null,
    fields,
    missing: missingForPriority(fields),
    sla: {
      planId: t.slaPlan,
      response: reading(cal, t.responseClock, now),
      workaround: t.workaroundClock ? reading(cal, t.workaroundClock, now) : null,
    },
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
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
