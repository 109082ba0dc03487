import { Backoff } from "./backoff.ts";
import { type DeliveryHandlers, deliver } from "./delivery.ts";
import type { Outbox } from "./outbox.ts";
import type { VisitorSocket } from "./request.ts";

/**
 * Drains the outbox strictly in order: the next entry goes only once the previous one is
 * acknowledged or refused for good, so the agent reads messages as they were written.
 * An entry without an answer stays first and is retried with backoff (or on reconnect).
 */
export class OutboxSender {
  private running = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff = new Backoff();

  constructor(
    private readonly outbox: Outbox,
    /** The socket to send on, or null while offline or not yet resynced. */
    private readonly channel: () => VisitorSocket | null,
    private readonly conversationId: () => string | null,
    private readonly handlers: DeliveryHandlers,
    private readonly changed: () => void,
  ) {}

  async flush(): Promise<void> {
    if (this.running) {
      // Whatever the running pass is waiting on may be a dead connection's ack.
      this.again = true;
      return;
    }
    this.running = true;
    clearTimeout(this.timer);
    try {
      let previous: string | undefined;
      for (let socket = this.channel(); socket; socket = this.channel()) {
        const entry = this.outbox.list()[0];
        // Also stops if storage failed to drop a finished entry, rather than resending it forever.
        if (!entry || entry.clientMsgId === previous) {
          this.backoff.reset();
          break;
        }
        this.again = false;
        const outcome = await deliver(socket, entry, this.conversationId(), this.handlers);
        if (outcome === "done") {
          this.outbox.remove(entry.clientMsgId);
          previous = entry.clientMsgId;
        }
        this.changed();
        if (outcome === "retry" && !this.again) {
          if (this.channel()) this.timer = setTimeout(() => void this.flush(), this.backoff.next());
          break;
        }
      }
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
