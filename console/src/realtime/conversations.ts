import type {
  ConversationDetailDto,
  ConversationRatedDto,
  ConversationSummaryDto,
  MessageDto,
  TransferInput,
  WhisperInput,
} from "@parley/shared";
import type { StaffCloseReason } from "@parley/shared/constants";
import type { ConversationView } from "../state/conversation.ts";
import { withDetail, withRating, withSummary } from "../state/conversation.ts";
import { addMessage, applyLiveMessage, applyPage, markStale, type Timeline } from "../state/messages.ts";
import { withoutDelivered } from "../state/outbox.ts";
import { conversationOf, patchConversation, type SessionState } from "../state/session.ts";
import type { RealtimeContext } from "./context.ts";
import { type CommandResult, command, failureOf, isUnanswered } from "./socket.ts";

/** A sync that got no answer while still connected is asked again after this long. */
const SYNC_RETRY_MS = 5_000;
/** How long a gap below a live message may last before the missing messages are fetched. */
const GAP_WAIT_MS = 2_000;

const UNANSWERED_ACTION = "The server did not answer in time. Check the conversation's status before trying again.";

/**
 * Keeps the open conversation's transcript complete: a paged sync on open, live messages
 * while connected, and a sync from the cursor after every reconnect.
 */
export class ConversationSync {
  private openId: string | null = null;
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();
  private readonly gapChecks = new Set<string>();

  constructor(private readonly ctx: RealtimeContext) {}

  open(id: string | null): void {
    this.openId = id;
    if (id) void this.sync(id);
  }

  /** After (re)connecting: the new socket is in no conversation room until it syncs. */
  resync(): void {
    if (this.openId) void this.sync(this.openId);
  }

  markAllStale(): void {
    this.ctx.store.update((s) => {
      const conversations: Record<string, ConversationView> = {};
      for (const [id, view] of Object.entries(s.conversations)) {
        conversations[id] = { ...view, timeline: markStale(view.timeline) };
      }
      return { ...s, conversations };
    });
  }

  onMessage(message: MessageDto): void {
    const id = message.conversationId;
    if (!(id in this.ctx.store.get().conversations)) return;
    this.updateTimeline(id, (t) => applyLiveMessage(t, message), [message]);
    // A gap below a live message: an earlier one is late (written through another server node) or lost with a
    // node that died before broadcasting it. Give it a moment to arrive, then fetch it.
    if (conversationOf(this.ctx.store.get(), id).timeline.cursor < message.seq && !this.gapChecks.has(id)) {
      this.gapChecks.add(id);
      setTimeout(() => {
        this.gapChecks.delete(id);
        const { timeline } = conversationOf(this.ctx.store.get(), id);
        if (timeline.live && timeline.cursor < message.seq && this.ctx.socket.connected) void this.sync(id);
      }, GAP_WAIT_MS);
    }
  }

  onSummary(summary: ConversationSummaryDto): void {
    if (!(summary.id in this.ctx.store.get().conversations)) return;
    this.ctx.store.update((s) => patchConversation(s, summary.id, (v) => withSummary(v, summary)));
  }

  /** The visitor rated a chat this console has open. */
  onRated(rated: ConversationRatedDto): void {
    if (!(rated.conversationId in this.ctx.store.get().conversations)) return;
    this.ctx.store.update((s) => patchConversation(s, rated.conversationId, (v) => withRating(v, rated)));
  }

  /** A conversation as an ack returned it (accept from an offer, transfer). */
  onDetail(detail: ConversationDetailDto): void {
    this.ctx.store.update((s) => patchConversation(s, detail.id, (v) => withDetail(v, detail)));
  }

  /** The dialog shows the outcome itself, so the refusal is returned rather than stored. */
  async transfer(input: TransferInput): Promise<CommandResult<{ conversation: ConversationDetailDto }>> {
    const result = await command(this.ctx.socket, "conversation:transfer", input);
    if (result.ok) this.onDetail(result.data.conversation);
    return result;
  }

  async accept(id: string): Promise<void> {
    await this.act(id, "accept", () => command(this.ctx.socket, "conversation:accept", { conversationId: id }));
  }

  async close(id: string, reason: StaffCloseReason): Promise<void> {
    await this.act(id, "close", () => command(this.ctx.socket, "conversation:close", { conversationId: id, reason }));
  }

  /** A lead barges in: from then on they reply in the chat as themselves. */
  async join(id: string): Promise<void> {
    await this.act(id, "join", () => command(this.ctx.socket, "conversation:join", { conversationId: id }));
  }

  /**
   * A note to the agent that the visitor never sees. The caller keeps `clientMsgId` for retries of the same
   * text, so a whisper whose ack was lost is stored once; the form shows the outcome, so it is returned.
   */
  async whisper(input: WhisperInput): Promise<CommandResult<{ message: MessageDto }>> {
    const result = await command(this.ctx.socket, "conversation:whisper", input);
    if (result.ok && input.conversationId in this.ctx.store.get().conversations) {
      const { message } = result.data;
      this.ctx.store.update((s) =>
        patchConversation(s, input.conversationId, (v) => ({ ...v, timeline: addMessage(v.timeline, message) })),
      );
    }
    return result;
  }

  private async act(
    id: string,
    action: "accept" | "close" | "join",
    run: () => ReturnType<typeof command<"conversation:accept">>,
  ): Promise<void> {
    const { store } = this.ctx;
    store.update((s) => patchConversation(s, id, (v) => ({ ...v, pendingAction: action, actionError: null })));
    const result = await run();
    store.update((s) =>
      patchConversation(s, id, (v) =>
        result.ok
          ? {
              ...withDetail(v, result.data.conversation),
              pendingAction: null,
              joined: v.joined || action === "join",
            }
          : {
              ...v,
              pendingAction: null,
              actionError: failureOf(result, UNANSWERED_ACTION),
            },
      ),
    );
  }

  /** One sync at a time per conversation; a request during a run makes it go round again. */
  private async sync(id: string): Promise<void> {
    if (this.running.has(id)) {
      this.rerun.add(id);
      return;
    }
    this.running.add(id);
    try {
      do {
        this.rerun.delete(id);
        await this.syncPages(id);
      } while (this.rerun.has(id));
    } finally {
      this.running.delete(id);
    }
  }

  private async syncPages(id: string): Promise<void> {
    const { socket, store } = this.ctx;
    for (;;) {
      // Offline, the connect handler resyncs; asking now would only queue a stale cursor.
      if (!socket.connected) return;
      const afterSeq = conversationOf(store.get(), id).timeline.cursor;
      const result = await command(socket, "conversation:sync", { conversationId: id, afterSeq });
      if (!result.ok) {
        if (!isUnanswered(result)) {
          store.update((s) => patchConversation(s, id, (v) => ({ ...v, loadError: result.error })));
        } else if (socket.connected) {
          // No answer while still connected: ask again; a disconnect instead resyncs on connect.
          setTimeout(() => {
            if (this.openId === id) void this.sync(id);
          }, SYNC_RETRY_MS);
        }
        return;
      }
      const page = result.data;
      store.update((s) => patchConversation(s, id, (v) => withDetail(v, page.conversation)));
      this.updateTimeline(id, (t) => applyPage(t, page), page.messages);
      if (!page.hasMore) return;
    }
  }

  private updateTimeline(id: string, change: (t: Timeline) => Timeline, arrived: readonly MessageDto[]): void {
    this.ctx.store.update(
      (s): SessionState => ({
        ...patchConversation(s, id, (v) => ({ ...v, timeline: change(v.timeline) })),
        // A message the server already has needs no resend, whatever became of its ack.
        outbox: withoutDelivered(s.outbox, arrived),
      }),
    );
  }
}
