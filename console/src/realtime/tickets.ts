import type { TicketActInput, TicketCreateInput, TicketDto, TicketEventDto } from "@parley/shared";
import type { RealtimeContext } from "./context.ts";
import { type CommandResult, command } from "./socket.ts";

interface Watcher {
  readonly ticketId: string;
  readonly changed: () => void;
}

/**
 * Ticket commands, and the `ticket:updated` push for whichever ticket page is open. Tickets are not kept
 * in the session store: a ticket page reads its own with `ticket:get` and follows the pushes.
 */
export class Tickets {
  private readonly watchers = new Set<Watcher>();

  constructor(private readonly ctx: RealtimeContext) {}

  create(input: TicketCreateInput): Promise<CommandResult<{ ticket: TicketDto }>> {
    return command(this.ctx.socket, "ticket:create", input);
  }

  get(ticketId: string): Promise<CommandResult<{ ticket: TicketDto; timeline: TicketEventDto[] }>> {
    return command(this.ctx.socket, "ticket:get", { ticketId });
  }

  act(input: TicketActInput): Promise<CommandResult<{ ticket: TicketDto }>> {
    return command(this.ctx.socket, "ticket:act", input);
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

  onUpdated(ticket: TicketDto): void {
    for (const watcher of this.watchers) if (watcher.ticketId === ticket.id) watcher.changed();
  }

  /** After (re)connecting. */
  resync(): void {
    for (const watcher of this.watchers) watcher.changed();
  }
}
