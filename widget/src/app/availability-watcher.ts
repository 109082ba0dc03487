import type { AvailabilityDto } from "@parley/shared";
import { untilBoundary } from "./availability.ts";
import { Backoff } from "./backoff.ts";
import { request, type VisitorSocket } from "./request.ts";

export interface AvailabilityListener {
  changed(availability: AvailabilityDto): void;
  /** Asking failed; the last answer (if any) still stands. */
  failed(): void;
}

/** Asked this long after a boundary, so the server's clock has certainly passed it too. */
const SLACK_MS = 2_000;
/** Long timers drift (and browsers clamp huge ones): check at least this often while a boundary is far off. */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps the availability answer current: asks on demand (every connect), takes the server's pushes, and asks
 * again when the support-hours boundary in the answer passes, which the server does not push.
 */
export class AvailabilityWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every ask and push, so an answer overtaken by a newer one is dropped. */
  private generation = 0;
  private readonly retry = new Backoff(2_000, 60_000);
  /** The visitor's clock is ahead of the server's: the boundary has passed here but not there yet. */
  private readonly overdue = new Backoff(5_000, 5 * 60_000);

  constructor(
    private readonly channel: () => VisitorSocket | null,
    private readonly listener: AvailabilityListener,
  ) {}

  /** Asks now; a disconnected socket is skipped, since every connect asks anyway. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const socket = this.channel();
    if (!socket) return;
    const asked = ++this.generation;
    const answer = await request(socket, "site:availability", {});
    if (asked !== this.generation) return;
    if (answer.ok) {
      this.retry.reset();
      this.accept(answer.data);
    } else {
      this.listener.failed();
      this.wait(this.retry.next());
    }
  }

  pushed(availability: AvailabilityDto): void {
    this.generation++;
    this.accept(availability);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.generation++;
  }

  private accept(availability: AvailabilityDto): void {
    this.listener.changed(availability);
    const ms = untilBoundary(availability, Date.now());
    clearTimeout(this.timer);
    if (ms === null) return;
    if (ms > 0) this.overdue.reset();
    this.wait(ms > 0 ? Math.min(ms + SLACK_MS, MAX_WAIT_MS) : this.overdue.next());
  }

  private wait(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }
}
