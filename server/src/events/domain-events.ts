import type { TicketAlertDto, TicketStatus } from "@parley/shared";
import type { ConversationDoc } from "../conversations/conversation.model.ts";
import type { MessageDoc } from "../conversations/message.model.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import type { TicketMessageDoc } from "../tickets/ticket-message.model.ts";

/**
 * What happened in the domain, told after it is stored, each with the documents as the change left them. One typed
 * hook the conversation, routing and ticket code call, so outside consumers (webhooks) follow the domain
 * without the domain knowing them. Internal notes are told too: a consumer decides what it passes on.
 */
export interface DomainEventMap {
  /** A new chat, before its first message is stored. */
  "conversation.started": { conversation: ConversationDoc };
  /** A chat got an owner: accepted, or transferred to a colleague. */
  "conversation.assigned": { conversation: ConversationDoc };
  "conversation.closed": { conversation: ConversationDoc };
  /** Every stored chat message, internal notes (whispers) included. */
  "message.stored": { conversation: ConversationDoc; message: MessageDoc };
  /** A new ticket, or a change of status (`statusFrom` is the status before). */
  "ticket.changed": { ticket: TicketDoc; site: SiteDoc; now: Date; created: boolean; statusFrom: TicketStatus | null };
  /** A ticket reply, or a staff note (`internal`). */
  "ticket.message": { ticket: TicketDoc; message: TicketMessageDoc; site: SiteDoc };
  /** At risk, breached or escalated. */
  "ticket.alert": { ticket: TicketDoc; site: SiteDoc; alert: TicketAlertDto };
  /** The visitor rated their ended chat (told again, harmlessly, when a rating cut short by a restart is made good). */
  "conversation.rated": { conversation: ConversationDoc };
}

export type DomainEventType = keyof DomainEventMap;
type Listener<K extends DomainEventType> = (event: DomainEventMap[K]) => void;

/**
 * Synchronous and cheap to emit: the message path calls it for every message. Listeners must not throw or block;
 * one that does is cut off from the domain (its error goes to `onError`), never the other way round.
 */
export class DomainEvents {
  private readonly listeners: { [K in DomainEventType]?: Listener<K>[] } = {};

  constructor(private readonly onError: (err: unknown, type: DomainEventType) => void = () => {}) {}

  on<K extends DomainEventType>(type: K, listener: Listener<K>): void {
    const list = (this.listeners[type] ?? []) as Listener<K>[];
    list.push(listener);
    (this.listeners as Record<DomainEventType, unknown>)[type] = list;
  }

  /** Any listener at all: lets a caller skip building what only a listener would need. */
  heard(type: DomainEventType): boolean {
    return (this.listeners[type]?.length ?? 0) > 0;
  }

  emit<K extends DomainEventType>(type: K, event: DomainEventMap[K]): void {
    const list = this.listeners[type] as Listener<K>[] | undefined;
    if (!list) return;
    for (const listener of list) {
      try {
        listener(event);
      } catch (err) {
        this.onError(err, type);
      }
    }
  }
}
