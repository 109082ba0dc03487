import type { TicketMessageDto, VisitorTicketReplyInput } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import type { AttachmentRef } from "./attachments.ts";
import { isPermanent } from "./errors.ts";
import { text } from "./i18n/language.ts";
import { ticketsText } from "./i18n/tickets.ts";
import { newClientMsgId } from "./ids.ts";
import { request } from "./request.ts";
import { Store } from "./store.ts";
import type { TicketFeed } from "./ticket-feed.ts";

/** A reply the server has not acknowledged. Its clientMsgId stays the same on every retry. */
export interface PendingReply {
  clientMsgId: string;
  body: string;
  attachments: AttachmentRef[];
  /** Null while sending; otherwise why it did not go, and whether sending it again can help. */
  failure: { reason: string; retry: boolean } | null;
}

export interface ThreadState {
  /** "gone": the ticket is not (or no longer) the visitor's to see. */
  load: "loading" | "ready" | "failed" | "gone";
  /** Replies the customer may see, oldest first. */
  messages: readonly TicketMessageDto[];
  pending: readonly PendingReply[];
}

/**
 * One open ticket in the widget: its replies, kept live by `ticket:message` pushes and read again after every
 * reconnect (tickets have no sequence numbers to resume from, so the whole thread is fetched and merged by
 * id); the visitor's replies, retried with the same clientMsgId so the server stores each once; and the
 * customer's answer to a resolution. The ticket itself lives in the feed's list, which every answer updates.
 */
export class TicketThread {
  readonly store = new Store<ThreadState>({ load: "loading", messages: [], pending: [] });
  private readonly stop: (() => void)[];
  private closed = false;

  constructor(
    private readonly feed: TicketFeed,
    readonly ticketId: string,
  ) {
    this.stop = [
      feed.onMessage((m) => this.merge([m])),
      feed.onConnect(() => {
        void this.load();
        this.resend();
      }),
    ];
    void this.load();
  }

  close(): void {
    this.closed = true;
    for (const stop of this.stop) stop();
  }

  /** Reads the ticket and its replies; without a connection, the next connect does. */
  async load(): Promise<void> {
    const socket = this.feed.channel();
    if (!socket) return;
    if (this.store.get().load === "failed") this.store.update({ load: "loading" });
    const answer = await request(socket, "ticket:get", { ticketId: this.ticketId });
    if (this.closed) return;
    if (answer.ok) {
      this.feed.updated(answer.data.ticket);
      this.merge(answer.data.messages);
      this.store.update((s) => (s.load === "ready" ? s : { ...s, load: "ready" }));
    } else if (answer.error?.code === "NOT_FOUND" || answer.error?.code === "FORBIDDEN") {
      this.store.update({ load: "gone" });
    } else if (this.store.get().load !== "ready") {
      this.store.update({ load: "failed" });
    }
  }

  reply(body: string, attachments: readonly AttachmentRef[]): void {
    const reply: PendingReply = { clientMsgId: newClientMsgId(), body, attachments: [...attachments], failure: null };
    this.store.update((s) => ({ ...s, pending: [...s.pending, reply] }));
    void this.send(reply);
  }

  retry(clientMsgId: string): void {
    const reply = this.store.get().pending.find((p) => p.clientMsgId === clientMsgId);
    if (reply?.failure?.retry) void this.send(reply);
  }

  /** Confirms the resolution or says it still affects them; resolves with a sentence on failure, else null. */
  async respond(action: "confirm" | "reject", comment = ""): Promise<string | null> {
    const socket = this.feed.channel();
    if (!socket) return ticketsText().offline;
    const text = comment.trim();
    const answer = await request(socket, "ticket:respond", {
      ticketId: this.ticketId,
      action,
      ...(text ? { comment: text } : {}),
    });
    if (answer.ok) {
      this.feed.updated(answer.data.ticket);
      return null;
    }
    // Someone changed the ticket meanwhile (or another tab answered already): show where it is now.
    if (answer.error?.code === "CONFLICT") {
      await this.load();
      return ticketsText().changed;
    }
    return answer.error ? ticketsText().answerNotSent(respondReason(answer.error)) : ticketsText().noAnswer;
  }

  private resend(): void {
    for (const reply of this.store.get().pending) if (reply.failure?.retry) void this.send(reply);
  }

  private async send(reply: PendingReply): Promise<void> {
    this.setFailure(reply.clientMsgId, null);
    const socket = this.feed.channel();
    if (!socket) {
      this.setFailure(reply.clientMsgId, { reason: ticketsText().offlineWillSend, retry: true });
      return;
    }
    const payload: VisitorTicketReplyInput = {
      ticketId: this.ticketId,
      clientMsgId: reply.clientMsgId,
      body: reply.body,
    };
    if (reply.attachments.length > 0) payload.attachmentIds = reply.attachments.map((a) => a.id);
    const answer = await request(socket, "ticket:reply", payload);
    if (this.closed) return;
    if (answer.ok) {
      this.merge([answer.data.message]);
      this.store.update((s) => ({ ...s, pending: s.pending.filter((p) => p.clientMsgId !== reply.clientMsgId) }));
    } else if (answer.error && (isPermanent(answer.error) || answer.error.code === "CONFLICT")) {
      this.setFailure(reply.clientMsgId, { reason: replyReason(answer.error), retry: false });
    } else {
      this.setFailure(reply.clientMsgId, { reason: ticketsText().noAnswerYet, retry: true });
    }
  }

  private setFailure(clientMsgId: string, failure: PendingReply["failure"]): void {
    this.store.update((s) => ({
      ...s,
      pending: s.pending.map((p) => (p.clientMsgId === clientMsgId ? { ...p, failure } : p)),
    }));
  }

  private merge(incoming: readonly TicketMessageDto[]): void {
    this.store.update((s) => {
      const messages = mergeTicketMessages(s.messages, incoming, this.ticketId);
      if (messages === s.messages) return s;
      // A reply that reached us (as a push, perhaps before its ack) is no longer pending.
      const delivered = new Set(messages.map((m) => m.clientMsgId));
      return { ...s, messages, pending: s.pending.filter((p) => !delivered.has(p.clientMsgId)) };
    });
  }
}

function replyReason(error: ErrorBody): string {
  const t = ticketsText();
  if (error.code === "NOT_FOUND") return text().errors.ticketGone;
  if (error.code === "CONFLICT") return t.ticketClosed;
  if (error.code === "MESSAGE_TOO_LONG") return t.replyTooLongShort;
  if (error.code === "BAD_REQUEST") return error.message;
  return text().errors.somethingWrong;
}

function respondReason(error: ErrorBody): string {
  const t = ticketsText();
  if (error.code === "RATE_LIMITED") return t.tooManyRequests;
  if (error.code === "NOT_FOUND") return text().errors.ticketGone;
  if (error.code === "BAD_REQUEST") return error.message;
  return t.somethingWrongRetry;
}

/**
 * Upserts `incoming` replies of `ticketId` into `current` and returns them oldest first. A reply can reach
 * us as an ack, as a push and again in a re-read after a reconnect: matched by id, it shows once. Staff notes
 * (`internal`) and other tickets' replies are dropped. Returns `current` itself when nothing changed.
 */
export function mergeTicketMessages(
  current: readonly TicketMessageDto[],
  incoming: readonly TicketMessageDto[],
  ticketId: string,
): readonly TicketMessageDto[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  let changed = false;
  for (const message of incoming) {
    if (message.ticketId !== ticketId || message.internal) continue;
    const known = byId.get(message.id);
    if (known && JSON.stringify(known) === JSON.stringify(message)) continue;
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return current;
  return [...byId.values()].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1,
  );
}
