import type { OfflineRequestInput } from "@parley/shared";
import { Backoff } from "./backoff.ts";
import { describeError, isPermanent } from "./errors.ts";
import type { Answer, Reply } from "./request.ts";

/**
 * Sends one request over the live connection (offline-flow-loader.ts binds request.ts to the socket). Passed in, not
 * imported: this module is in the offline flow's chunk, and a lazy chunk reaching request.ts's import of
 * @parley/shared/constants makes the bundler split app.js in three (rolldown#10731).
 */
export type OfflineChannel = (request: OfflineRequestInput) => Promise<Answer<Reply<"offline:submit">>>;

export interface OfflineSubmitHandlers {
  /** The request to send: the one on screen, or null. */
  current(): OfflineRequestInput | null;
  sent(clientRequestId: string, reference: string): void;
  /** Refused for good, with why in the visitor's words (describeError); they correct the form and submit again. */
  refused(clientRequestId: string, reason: string): void;
  /** Not accepted yet and tried again later; `problem` says why, if the server said. */
  retrying(clientRequestId: string, problem: string | null): void;
}

/**
 * Sends the offline request until the server answers: on submit, on every connect and after a backoff. The
 * server keys requests by clientRequestId, so a resend whose first attempt did arrive gets the same reference.
 */
export class OfflineSubmitter {
  private running = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff = new Backoff();

  constructor(
    private readonly channel: () => OfflineChannel | null,
    private readonly handlers: OfflineSubmitHandlers,
  ) {}

  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        const pending = this.handlers.current();
        const send = this.channel();
        if (!pending || !send) return;
        const id = pending.clientRequestId;
        const answer = await send(pending);
        if (answer.ok) {
          this.backoff.reset();
          this.handlers.sent(id, answer.data.reference);
        } else if (answer.error && isPermanent(answer.error)) {
          this.handlers.refused(id, describeError(answer.error));
        } else {
          this.handlers.retrying(id, answer.error ? describeError(answer.error) : null);
          if (!this.again) this.timer = setTimeout(() => void this.flush(), this.backoff.next());
        }
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
