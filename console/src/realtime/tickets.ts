import type {
  TicketActInput,
  TicketCreateInput,
  TicketDto,
  TicketEscalateInput,
  TicketEventDto,
  TicketListInput,
  TicketMessageDto,
  TicketReplyInput,
} from "@parley/shared";
import type { RealtimeContext } from "./context.ts";
import { type CommandResult, command } from "./socket.ts";

interface Watcher {
  readonly ticketId: string;
  readonly changed: () => void;
}

/** What a page that shows tickets (the list, a chat's ticket link, a ticket's thread) hears about. */
export interface TicketListener {
  /** Any ticket of the site changed (`ticket:updated`). */
  updated?(ticket: TicketDto): void;
  /** A reply or note on any ticket (`ticket:message`). */
  message?(message: TicketMessageDto): void;
  /** The socket (re)connected: pushes sent meanwhile are lost, so ask again. */
  resynced?(): void;
}

export type TicketDetail = { ticket: TicketDto; timeline: TicketEventDto[]; messages: TicketMessageDto[] };

/**
 * Ticket commands, and the ticket pushes for whichever pages are open. Tickets are not kept in the session
 * store: each page reads what it shows (`ticket:get`, `ticket:list`) and follows the pushes.
 */
export class Tickets {
  private readonly watchers = new Set<Watcher>();
  private readonly listeners = new Set<TicketListener>();

  constructor(private readonly ctx: RealtimeContext) {}

  create(input: TicketCreateInput): Promise<CommandResult<{ ticket: TicketDto }>> {
    return command(this.ctx.socket, "ticket:create", input);
  }

  get(ticketId: string): Promise<CommandResult<TicketDetail>> {
    return command(this.ctx.socket, "ticket:get", { ticketId });
  }

  list(input: TicketListInput): Promise<CommandResult<{ tickets: TicketDto[] }>> {
    return command(this.ctx.socket, "ticket:list", input);
  }

  act(input: TicketActInput): Promise<CommandResult<{ ticket: TicketDto }>> {
    return command(this.ctx.socket, "ticket:act", input);
  }

  /** Safe to repeat with the same clientMsgId: the server stores the reply once. */
  reply(input: TicketReplyInput): Promise<CommandResult<{ message: TicketMessageDto }>> {
    return command(this.ctx.socket, "ticket:reply", input);
  }

  escalate(input: TicketEscalateInput): Promise<CommandResult<{ ticket: TicketDto }>> {
    return command(this.ctx.socket, "ticket:escalate", input);
  }

  /**
   * Calls `changed` whenever the ticket may have changed: a push for it, or a reconnect (pushes sent while
   * disconnected are lost). Returns the unsubscribe.
   */
  watch(ticketId: string, changed: () => void): () => void {
    const watcher = { ticketId, changed };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Every ticket push and reconnect; returns the unsubscribe. */
  listen(listener: TicketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onUpdated(ticket: TicketDto): void {
    for (const watcher of this.watchers) if (watcher.ticketId === ticket.id) watcher.changed();
    for (const listener of this.listeners) listener.updated?.(ticket);
  }

  onMessage(message: TicketMessageDto): void {
    for (const listener of this.listeners) listener.message?.(message);
  }

  /** After (re)connecting. */
  resync(): void {
    for (const watcher of this.watchers) watcher.changed();
    for (const listener of this.listeners) listener.resynced?.();
  }
}
