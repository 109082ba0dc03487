import type { TicketActInput, TicketCreateInput, TicketDto, TicketEventDto } from "@parley/shared";
import type { RealtimeContext } from "./context.ts";
import { type CommandResult, command } from "./socket.ts";

type TicketListener = (ticket: TicketDto) => void;

/**
 * Ticket commands, and the `ticket:updated` push for whichever ticket page is open. Tickets are not kept
 * in the session store: a ticket page reads its own with `ticket:get` and follows the pushes.
 */
export class Tickets {
  private readonly listeners = new Set<TicketListener>();

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

  /** Calls `listener` with every ticket update pushed to this site's staff; returns the unsubscribe. */
  subscribe(listener: TicketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onUpdated(ticket: TicketDto): void {
    for (const listener of this.listeners) listener(ticket);
  }
}
