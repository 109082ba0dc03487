import type { SupportCalendar } from "@parley/shared";
import type { Types } from "mongoose";
import { ClosedConversation, Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { Message } from "../conversations/message.model.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { fateOf } from "../sla/sla-clock.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { clockOf } from "../tickets/ticket-derived.ts";
import { forgetBucket } from "./bucket-cache.ts";
import { bucketKeyAt, StatsBucket, type StoredChatRow, type StoredTicketRow } from "./stats-bucket.model.ts";

// The figures (figures.ts) are computed from one row per chat and per ticket. Reading those rows off the chats and
// tickets themselves meant reading the whole history on devdb (7 s for a week here), so each row is kept
// up to date in an hourly bucket (stats-bucket.model.ts) as its chat or ticket changes: a primary-key update, only
// when the row actually changed. A crash between a change and its row leaves that row as it was until the chat or
// ticket changes again.

function chatRowOf(c: ConversationDoc, repliedAt: Date | null = null): StoredChatRow {
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

/** A ticket's row as of `at`, the time it was written, on its site's calendar. */
export function ticketRowOf(t: TicketDoc, calendar: SupportCalendar, at: Date): StoredTicketRow {
  return {
    createdAt: t.createdAt,
    priority: t.fields.priority,
    response: fateOf(calendar, clockOf(t.responseClock), at),
    workaround: t.workaroundClock ? fateOf(calendar, clockOf(t.workaroundClock), at) : null,
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

const ticketRows = new RowWriter<{ ticket: TicketDoc; row: StoredTicketRow }>(async ({ ticket, row }) => {
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
export function recordTicket(t: TicketDoc, row: StoredTicketRow): void {
  ticketRows.push(t._id.toHexString(), { ticket: t, row });
}

/** Resolves once every row pushed so far is written. */
export function ledgerSettled(): Promise<void> {
  return Promise.all([chatRows.settled(), ticketRows.settled()]).then(() => undefined);
}

/**
 * The rows of everything stored before the ledger existed, written once (db/migrations.ts): every chat, open or
 * closed, and every ticket. Chats from before reply times were kept get theirs from their messages.
 */
export async function buildLedger(): Promise<number> {
  const buckets = new Map<
    string,
    { site: Types.ObjectId; chats: Record<string, StoredChatRow>; tickets: Record<string, StoredTicketRow> }
  >();
  const bucket = (site: Types.ObjectId, createdAt: Date) => {
    const key = bucketKeyAt(site, createdAt);
    let b = buckets.get(key);
    if (!b) {
      b = { site, chats: {}, tickets: {} };
      buckets.set(key, b);
    }
    return b;
  };
  const chats: ConversationDoc[] = [];
  for (const model of [Conversation, ClosedConversation]) {
    for await (const c of model.find({}).lean<ConversationDoc[]>().cursor()) chats.push(c);
  }
  const replied = await firstRepliesFromMessages(chats.filter(predatesReplyTimes).map((c) => c._id));
  for (const c of chats) {
    bucket(c.site, c.createdAt).chats[c._id.toHexString()] = chatRowOf(c, replied.get(c._id.toHexString()) ?? null);
  }
  const now = new Date();
  const calendars = new Map<string, Promise<SupportCalendar | null>>();
  const calendarOf = (site: Types.ObjectId) => {
    const key = site.toHexString();
    if (!calendars.has(key))
      calendars.set(
        key,
        cachedSite(site).then((s) => s?.supportHours ?? null),
      );
    return calendars.get(key) as Promise<SupportCalendar | null>;
  };
  for await (const t of Ticket.find({}).lean<TicketDoc[]>().cursor()) {
    const calendar = await calendarOf(t.site);
    if (calendar) bucket(t.site, t.createdAt).tickets[t._id.toHexString()] = ticketRowOf(t, calendar, now);
  }
  for (const [key, b] of buckets) {
    const set: Record<string, unknown> = { site: b.site };
    for (const [id, row] of Object.entries(b.chats)) set[`chats.${id}`] = JSON.stringify(row);
    for (const [id, row] of Object.entries(b.tickets)) set[`tickets.${id}`] = JSON.stringify(row);
    await StatsBucket.updateOne({ _id: key }, { $set: set }, { upsert: true });
    forgetBucket(key);
  }
  return buckets.size;
}

/**
 * A chat stored before the reply times were kept: it may have been answered though `firstAgentReplyAt` is
 * unset. Every chat since has `lastVisitorMessageAt`, as it starts with the visitor's message.
 */
const predatesReplyTimes = (c: ConversationDoc): boolean =>
  !c.firstAgentReplyAt && !c.lastVisitorMessageAt && !c.lastAgentMessageAt;

/** When an agent (not a staff note) first wrote in each of these chats, from their messages (one read of them). */
async function firstRepliesFromMessages(conversationIds: Types.ObjectId[]): Promise<Map<string, Date>> {
  const first = new Map<string, Date>();
  if (conversationIds.length === 0) return first;
  const replies = await Message.find(
    { conversation: { $in: conversationIds }, authorKind: "agent", internal: false },
    { conversation: 1, createdAt: 1 },
  ).lean<{ conversation: Types.ObjectId; createdAt: Date }[]>();
  for (const r of replies) {
    const key = r.conversation.toHexString();
    const seen = first.get(key);
    if (!seen || r.createdAt < seen) first.set(key, r.createdAt);
  }
  return first;
}
