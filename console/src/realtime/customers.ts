import type { CustomerDto, CustomerSaveInput } from "@parley/shared";
import type { RealtimeContext } from "./context.ts";
import { type CommandResult, command } from "./socket.ts";

/**
 * The site's customers: read by the pages that need them (the ticket list's filter, the admin section),
 * which follow `customer:updated` through `listen`. Not kept in the session store: most staff never look.
 */
export class Customers {
  private readonly listeners = new Set<(customer: CustomerDto) => void>();

  constructor(private readonly ctx: RealtimeContext) {}

  list(): Promise<CommandResult<{ customers: CustomerDto[] }>> {
    return command(this.ctx.socket, "customer:list", {});
  }

  async save(input: CustomerSaveInput): Promise<CommandResult<{ customer: CustomerDto }>> {
    const result = await command(this.ctx.socket, "customer:save", input);
    // The saving page sees its own save at once, whether or not the broadcast reaches this socket.
    if (result.ok) this.onUpdated(result.data.customer);
    return result;
  }

  listen(listener: (customer: CustomerDto) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onUpdated(customer: CustomerDto): void {
    for (const listener of this.listeners) listener(customer);
  }
}
