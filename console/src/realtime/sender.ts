import { addMessage } from "../state/messages.ts";
import { enqueue, isTransient, newClientMsgId, remove, resendable, setStatus } from "../state/outbox.ts";
import { patchConversation } from "../state/session.ts";
import type { RealtimeContext } from "./context.ts";
import { command, isUnanswered } from "./socket.ts";

/** While connected, an unconfirmed send is tried again after this long (and at every reconnect). */
const RETRY_DELAY_MS = 5_000;

/**
 * Sends agent messages at-least-once. Each message keeps the clientMsgId it was created
 * with for every attempt, so the server stores it exactly once however often it goes.
 */
export class Sender {
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: RealtimeContext) {}

  send(conversationId: string, body: string, attachmentIds: readonly string[] = []): void {
    const clientMsgId = newClientMsgId();
    const entry = { clientMsgId, conversationId, body, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) };
    this.ctx.store.update((s) => ({ ...s, outbox: enqueue(s.outbox, entry) }));
    void this.deliver(clientMsgId);
  }

  discard(clientMsgId: string): void {
    this.ctx.store.update((s) => ({ ...s, outbox: remove(s.outbox, clientMsgId) }));
  }

  /** Sends again everything whose last attempt went unconfirmed. */
  flush(): void {
    for (const entry of resendable(this.ctx.store.get().outbox)) void this.deliver(entry.clientMsgId);
  }

  stop(): void {
    clearTimeout(this.retryTimer);
  }

  private async deliver(clientMsgId: string): Promise<void> {
    const { socket, store } = this.ctx;
    const entry = store.get().outbox.find((e) => e.clientMsgId === clientMsgId);
    if (!entry) return;
    if (!socket.connected) {
      // Not emitted while offline: socket.io would buffer it and we would send it twice.
      store.update((s) => ({ ...s, outbox: setStatus(s.outbox, clientMsgId, "waiting") }));
      return;
    }
    store.update((s) => ({ ...s, outbox: setStatus(s.outbox, clientMsgId, "sending") }));
    const { conversationId, body, attachmentIds } = entry;
    const result = await command(socket, "message:send", {
      conversationId,
      clientMsgId,
      body,
      ...(attachmentIds ? { attachmentIds: [...attachmentIds] } : {}),
    });
    if (result.ok) {
      const { message } = result.data;
      store.update((s) => {
        const next = { ...s, outbox: remove(s.outbox, clientMsgId) };
        if (!(conversationId in s.conversations)) return next;
        return patchConversation(next, conversationId, (v) => ({ ...v, timeline: addMessage(v.timeline, message) }));
      });
    } else if (isUnanswered(result) || isTransient(result.error.code)) {
      store.update((s) => ({ ...s, outbox: setStatus(s.outbox, clientMsgId, "waiting") }));
      this.retrySoon();
    } else {
      store.update((s) => ({ ...s, outbox: setStatus(s.outbox, clientMsgId, "failed", result.error) }));
    }
  }

  private retrySoon(): void {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.ctx.socket.connected) this.flush();
    }, RETRY_DELAY_MS);
  }
}
