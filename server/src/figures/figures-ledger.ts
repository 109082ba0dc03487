import type { Types } from "mongoose";
import type { ConversationDoc } from "../conversations/conversation.model.ts";
import { forgetBucket } from "./bucket-cache.ts";
import { bucketKeyAt, StatsBucket, type StoredChatRow, type StoredTicketRow } from "./stats-bucket.model.ts";

// The figures (figures.ts) are computed from one row per chat and per ticket. Reading those rows off the chats and
// tickets themselves meant reading the whole history on devdb (7 s for a week), so each row is kept
// up to date in an hourly bucket (stats-bucket.model.ts) as its chat or ticket changes: a primary-key update, only
// when the row actually changed. A crash between a change and its row leaves that row as it was until the chat or
// ticket changes again.

/** What the ledger needs of a ticket: where its row goes. */
export interface LedgerTicket {
  _id: Types.ObjectId;
  site: Types.ObjectId;
  createdAt: Date;
}

export function chatRowOf(c: ConversationDoc, repliedAt: Date | null = null): StoredChatRow {
  return {
    createdAt: c.createdAt,
    status: c.status,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    declinedCount: c.declinedBy?.length ?? 0,
    hadAgent: c.hadAgent ?? false,
    closedAt: c.closedAt ?? null,
    firstAgentReplyAt: c.firstAgentReplyAt ?? repliedAt,
    closeReason: c.closeReason ?? null,
    rating: c.rating?.value ?? null,
  };
}

/**
 * Writes rows one at a time per chat or ticket, the latest state winning: two changes in quick succession must not
 * land in the wrong order. What is in flight can be waited for (a report reads after the writes it may depend on).
 */
class RowWriter<D> {
  private readonly latest = new Map<string, D>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly write: (doc: D) => Promise<void>) {}

  push(id: string, doc: D): void {
    this.latest.set(id, doc);
    if (!this.running.has(id)) this.running.set(id, this.drain(id));
  }

  /** Whether a write for `id` is queued or running. */
  busy(id: string): boolean {
    return this.running.has(id);
  }

  settled(): Promise<void> {
    return Promise.all([...this.running.values()]).then(() => undefined);
  }

  private async drain(id: string): Promise<void> {
    try {
      for (let doc = this.latest.get(id); doc !== undefined; doc = this.latest.get(id)) {
        this.latest.delete(id);
        await this.write(doc).catch((err) => report(err));
      }
    } finally {
      this.running.delete(id);
    }
  }
}

let report: (err: unknown) => void = () => {};
/** Where a row that could not be written is reported (the server's logger). */
export function reportLedgerErrors(to: (err: unknown) => void): void {
  report = to;
}

/** What was last written for each open chat, so a message (which rarely changes a row) writes nothing. */
const written = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

const chatRows = new RowWriter<{ c: ConversationDoc; row: string }>(async ({ c, row }) => {
  const id = c._id.toHexString();
  if (written.get(id) === row) return;
  const key = bucketKeyAt(c.site, c.createdAt);
  await StatsBucket.updateOne({ _id: key }, { $set: { site: c.site, [`chats.${id}`]: row } }, { upsert: true });
  forgetBucket(key);
  if (c.status === "closed") written.delete(id);
  else {
    if (written.size >= MAX_REMEMBERED) written.clear();
    written.set(id, row);
  }
});

const ticketRows = new RowWriter<{ ticket: LedgerTicket; row: StoredTicketRow }>(async ({ ticket, row }) => {
  const key = bucketKeyAt(ticket.site, ticket.createdAt);
  await StatsBucket.updateOne(
    { _id: key },
    { $set: { site: ticket.site, [`tickets.${ticket._id.toHexString()}`]: JSON.stringify(row) } },
    { upsert: true },
  );
  forgetBucket(key);
});

/** A chat changed (or got a message): its row is written if the figures would see a difference. */
export function recordChat(c: ConversationDoc): void {
  // Most calls are messages, which change no row: no write is even queued for them (unless another one is, which
  // this state must then follow).
  const id = c._id.toHexString();
  const row = JSON.stringify(chatRowOf(c));
  if (!chatRows.busy(id) && written.get(id) === row) return;
  chatRows.push(id, { c, row });
}

/** A ticket was created or changed: its row as of that write (ticketRowOf). */
export function recordTicket(t: LedgerTicket, row: StoredTicketRow): void {
  ticketRows.push(t._id.toHexString(), { ticket: t, row });
}

/** Resolves once every row pushed so far is written. */
export function ledgerSettled(): Promise<void> {
  return Promise.all([chatRows.settled(), ticketRows.settled()]).then(() => undefined);
}
