import type { TicketMessageDto, VisitorTicketDto } from "@parley/shared";
import { request, type VisitorSocket } from "./request.ts";
import { Store } from "./store.ts";

export interface TicketListState {
  /** The visitor's tickets, newest first; null until the server has answered once. */
  tickets: readonly VisitorTicketDto[] | null;
}

/**
 * The part of tickets the chat itself needs: the visitor's list (so the panel knows whether to offer
 * "My tickets"), kept live by `ticket:updated`, and the pushes and reconnects the lazily loaded tickets
 * view listens to. Everything else about tickets loads with that view.
 */
export class TicketFeed {
  readonly store = new Store<TicketListState>({ tickets: null });
  private readonly messageListeners = new Set<(message: TicketMessageDto) => void>();
  private readonly connectListeners = new Set<() => void>();

  /** `channel`: the socket to ask on, or null while offline. */
  constructor(readonly channel: () => VisitorSocket | null) {}

  /** Connected (again): pushes sent while we were away are lost, so the list is read afresh. */
  connected(): void {
    void this.refresh();
    for (const listener of this.connectListeners) listener();
  }

  /** Reads the list; false if there was no connection or no answer (the next connect tries again). */
  async refresh(): Promise<boolean> {
    const socket = this.channel();
    if (!socket) return false;
    const answer = await request(socket, "ticket:list", {});
    if (!answer.ok) return false;
    this.store.update((s) => ({ tickets: mergeTickets(s.tickets ?? [], answer.data.tickets) }));
    return true;
  }

  /** A ticket as the server sent it (a push, or with an answer): the newer copy wins. */
  updated(ticket: VisitorTicketDto): void {
    this.store.update((s) => {
      const tickets = upsertTicket(s.tickets ?? [], ticket);
      return tickets === s.tickets ? s : { tickets };
    });
  }

  /** The visitor identity was replaced: the old one's tickets are not this visitor's to see. */
  reset(): void {
    this.store.update({ tickets: null });
  }

  message(message: TicketMessageDto): void {
    for (const listener of this.messageListeners) listener(message);
  }

  onMessage(listener: (message: TicketMessageDto) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onConnect(listener: () => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }
}

/**
 * Puts `ticket` into the newest-first list, replacing the copy with the same id unless that one is newer:
 * an answer read before a change may arrive after the push of that change. Returns `list` itself when
 * nothing changed.
 */
export function upsertTicket(list: readonly VisitorTicketDto[], ticket: VisitorTicketDto): readonly VisitorTicketDto[] {
  const at = list.findIndex((t) => t.id === ticket.id);
  const current = list[at];
  if (current) {
    if (current.updatedAt > ticket.updatedAt || sameTicket(current, ticket)) return list;
    const next = list.slice();
    next[at] = ticket;
    return next;
  }
  return [...list, ticket].sort(newestFirst);
}

/** A fresh list answer, keeping any copy we hold that is newer (pushed while the answer was on its way). */
export function mergeTickets(
  current: readonly VisitorTicketDto[],
  answer: readonly VisitorTicketDto[],
): readonly VisitorTicketDto[] {
  let list: readonly VisitorTicketDto[] = answer.slice().sort(newestFirst);
  for (const ticket of current) list = upsertTicket(list, ticket);
  return list;
}

function newestFirst(a: VisitorTicketDto, b: VisitorTicketDto): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function sameTicket(a: VisitorTicketDto, b: VisitorTicketDto): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
