import type { MessagePageDto, VisitorConversationDto } from "@parley/shared";
import { Backoff } from "./backoff.ts";
import { isPermanent } from "./errors.ts";
import { request, type VisitorSocket } from "./request.ts";

export type SyncPage = MessagePageDto<VisitorConversationDto | null>;

export type SyncOutcome =
  /** Everything up to the server's latest message has been handed to `onPage`. */
  | "done"
  /** The server does not know (or no longer shows us) the requested conversation. */
  | "gone"
  /** `onPage` declined a page: what we are showing changed meanwhile. */
  | "stale"
  /** No answer, or a transient error: try again later. */
  | "failed";

/**
 * Fetches what came after `afterSeq`, page by page while `hasMore`. Without a target the
 * server picks the visitor's latest conversation; later pages then name it explicitly so
 * a conversation started meanwhile cannot switch the answer halfway.
 */
export async function syncConversation(
  socket: VisitorSocket,
  target: string | null,
  afterSeq: number,
  onPage: (page: SyncPage) => boolean,
): Promise<SyncOutcome> {
  let conversationId = target ?? undefined;
  let cursor = target ? afterSeq : 0;
  for (;;) {
    const answer = await request(
      socket,
      "conversation:sync",
      conversationId ? { conversationId, afterSeq: cursor } : { afterSeq: cursor },
    );
    if (!answer.ok) {
      return target && answer.error && isPermanent(answer.error) ? "gone" : "failed";
    }
    const page = answer.data;
    if (!onPage(page)) return "stale";
    const last = page.messages.at(-1);
    if (!page.hasMore || !last || !page.conversation) return "done";
    conversationId = page.conversation.id;
    cursor = last.seq;
  }
}

export interface ResyncHost {
  /** The conversation on screen, or null to ask for the visitor's latest. */
  shownConversationId(): string | null;
  /** Shows a page's conversation (switching to it if needed) and merges its messages. */
  apply(page: SyncPage & { conversation: VisitorConversationDto }): void;
  /** The shown conversation is out of reach: show none (the next pass asks for the latest). */
  forget(): void;
}

/**
 * Keeps the shown conversation complete across reconnects. Passes never overlap: a
 * request during a pass makes that pass go round again once it is done.
 */
export class Resyncer {
  /**
   * Highest seq a sync fetched. Live broadcasts do not move it: the server broadcasts
   * message N only once every message before it is stored (its message log), but
   * the cursor does not lean on that: refetching the live tail on reconnect is cheap, and
   * merging makes it harmless.
   */
  private cursor = { conversationId: "", seq: 0 };
  /** A count, not a flag: a pass of a dead connection may still be winding down. */
  private running = 0;
  private again = false;
  private readonly backoff = new Backoff();

  constructor(private readonly host: ResyncHost) {}

  /** Asks for another pass; false when none is running and the caller must start one. */
  queue(): boolean {
    if (this.running > 0) this.again = true;
    return this.running > 0;
  }

  /** Syncs until complete; false if the socket went away (or `current` turned false) first. */
  async run(socket: VisitorSocket, current: () => boolean): Promise<boolean> {
    this.running++;
    try {
      do {
        this.again = false;
        const target = this.host.shownConversationId();
        const afterSeq = this.cursor.conversationId === target ? this.cursor.seq : 0;
        const outcome = await syncConversation(socket, target, afterSeq, (page) => this.accept(target, page));
        if (!current() || !socket.connected) return false;
        if (outcome === "gone") this.host.forget();
        if (outcome === "failed") await new Promise((resolve) => setTimeout(resolve, this.backoff.next()));
        if (outcome !== "done") this.again = true;
      } while (this.again && current());
      this.backoff.reset();
      return current();
    } finally {
      this.running--;
    }
  }

  private accept(target: string | null, page: SyncPage): boolean {
    // The conversation on screen changed while the page was in flight: start over.
    if (this.host.shownConversationId() !== target) return false;
    if (!page.conversation) return true;
    const id = page.conversation.id;
    this.host.apply({ ...page, conversation: page.conversation });
    const last = page.messages.at(-1);
    if (last) {
      const previous = this.cursor.conversationId === id ? this.cursor.seq : 0;
      this.cursor = { conversationId: id, seq: Math.max(previous, last.seq) };
    }
    return true;
  }
}
