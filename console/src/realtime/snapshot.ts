import type { ErrorBody } from "@parley/shared/errors";
import type { AgentSocket, CommandResult } from "./socket.ts";

/** A snapshot that got no answer while still connected is asked for again after this long. */
const RETRY_MS = 5_000;

export interface SnapshotSteps<T> {
  fetch(): Promise<CommandResult<T>>;
  started(): void;
  completed(data: T): void;
  failed(error: ErrorBody): void;
}

/**
 * Something the console reloads whole on every connect (the inbox, the team, the site, offline
 * requests) and then keeps current from events. Only the latest load may land: an older answer describes
 * an older socket. A load that fails while still connected is tried again, unless it was refused; a
 * reconnect loads anyway.
 */
export class SnapshotLoader<T> {
  private run = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly socket: AgentSocket,
    private readonly steps: SnapshotSteps<T>,
  ) {}

  async load(): Promise<void> {
    const run = ++this.run;
    clearTimeout(this.retryTimer);
    this.steps.started();
    const result = await this.steps.fetch();
    if (this.stopped || run !== this.run) return;
    if (result.ok) {
      this.steps.completed(result.data);
      return;
    }
    this.steps.failed(result.error);
    // Refused outright (a supervisor made an agent, say): asking again will not change the answer.
    if (result.error.code === "FORBIDDEN" || result.error.code === "UNAUTHENTICATED") return;
    if (this.socket.connected) {
      this.retryTimer = setTimeout(() => {
        if (!this.stopped && this.socket.connected) void this.load();
      }, RETRY_MS);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }
}
