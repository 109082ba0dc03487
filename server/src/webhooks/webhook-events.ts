import { createHash } from "node:crypto";
import type { WebhookEventBody, WebhookEventType } from "@parley/shared";
import { toDetailDto, toMessageDto, toRatingDto, toSummaryDto } from "../conversations/conversation-dto.ts";
import type { ConversationEventMap } from "../conversations/conversation-events.ts";
import type { DomainEvents } from "../events/domain-events.ts";
import { toTicketDto, toTicketMessageDto } from "../tickets/ticket-dto.ts";
import type { TicketEventMap } from "../tickets/ticket-events.ts";

/**
 * What the domain told, as a webhook event: its type, the site, a key that names this one occurrence (the event's id
 * is derived from it, so the same occurrence told twice is one event), and its data, built only if some endpoint of
 * the site takes it (most sites have none, and the message path runs this for every message).
 */
export interface WebhookOccurrence {
  type: WebhookEventType;
  site: string;
  key: string;
  data: () => unknown;
}

/** `evt_` and 24 hex digits of a hash of the type and the occurrence's key. */
export const eventIdOf = (type: string, key: string): string =>
  `evt_${createHash("sha256").update(`${type}|${key}`).digest("hex").slice(0, 24)}`;

export function toEventBody(o: WebhookOccurrence, createdAt: Date): WebhookEventBody {
  return {
    id: eventIdOf(o.type, o.key),
    type: o.type,
    createdAt: createdAt.toISOString(),
    siteId: o.site,
    data: o.data(),
  };
}

/** Everything the domain tells: what webhooks follow. */
export type DomainEventMap = ConversationEventMap & TicketEventMap;

const ALERT_TYPES = {
  at_risk: "ticket.sla_at_risk",
  breached: "ticket.sla_breached",
  escalated: "ticket.escalated",
} as const;

/**
 * Subscribes to the domain's events and hands each one webhooks carry to `emit`. The one place that decides what
 * leaves the server: internal chat notes (whispers, the close reason) and ticket notes never do.
 */
export function followDomain(events: DomainEvents<DomainEventMap>, emit: (o: WebhookOccurrence) => void): void {
  events.on("conversation.started", ({ conversation: c }) =>
    emit({
      type: "conversation.started",
      site: c.site.toHexString(),
      key: c._id.toHexString(),
      data: () => ({ conversation: toDetailDto(c) }),
    }),
  );
  events.on("conversation.assigned", ({ conversation: c }) =>
    emit({
      type: "conversation.assigned",
      site: c.site.toHexString(),
      // One per owner and change: a transfer back to the same agent later is another assignment.
      key: `${c._id.toHexString()}|${c.assignee?.toHexString()}|${c.updatedAt.getTime()}`,
      data: () => ({ conversation: toDetailDto(c) }),
    }),
  );
  events.on("conversation.closed", ({ conversation: c }) =>
    emit({
      type: "conversation.closed",
      site: c.site.toHexString(),
      key: c._id.toHexString(),
      data: () => ({ conversation: toDetailDto(c) }),
    }),
  );
  events.on("message.stored", ({ conversation: c, message: m }) => {
    if (m.internal) return;
    emit({
      type: "message.created",
      site: c.site.toHexString(),
      key: `chat|${String(m._id)}`,
      data: () => ({ channel: "chat", message: toMessageDto(m), conversation: toSummaryDto(c) }),
    });
  });
  events.on("ticket.message", ({ ticket: t, message: m, site }) => {
    if (m.internal) return;
    emit({
      type: "message.created",
      site: t.site.toHexString(),
      key: `ticket|${m._id.toHexString()}`,
      data: () => ({
        channel: "ticket",
        message: toTicketMessageDto(m),
        ticket: toTicketDto(t, site.supportHours, m.createdAt),
      }),
    });
  });
  events.on("ticket.changed", ({ ticket: t, site, now, created, statusFrom }) => {
    const ticket = () => toTicketDto(t, site.supportHours, now);
    if (created) {
      emit({
        type: "ticket.created",
        site: t.site.toHexString(),
        key: t._id.toHexString(),
        data: () => ({ ticket: ticket() }),
      });
    } else if (statusFrom) {
      emit({
        type: "ticket.status_changed",
        site: t.site.toHexString(),
        key: `${t._id.toHexString()}|${statusFrom}|${t.status}|${now.getTime()}`,
        data: () => ({ ticket: ticket(), previousStatus: statusFrom }),
      });
    }
  });
  events.on("ticket.alert", ({ ticket: t, site, alert }) =>
    emit({
      type: ALERT_TYPES[alert.kind],
      site: t.site.toHexString(),
      key: `${t._id.toHexString()}|${alert.kind}|${alert.target}|${alert.at}`,
      data: () => ({ ticket: toTicketDto(t, site.supportHours, new Date(alert.at)), alert }),
    }),
  );
  events.on("conversation.rated", ({ conversation: c }) => {
    const rating = toRatingDto(c);
    if (!rating) return;
    emit({
      type: "csat.submitted",
      site: c.site.toHexString(),
      // Once per chat: a rating is final, and one made good after a restart is the same rating.
      key: c._id.toHexString(),
      data: () => ({ conversationId: c._id.toHexString(), rating, conversation: toDetailDto(c) }),
    });
  });
}
