import type { SupportCalendar } from "@parley/shared";
import type { Types } from "mongoose";
import { ClosedConversation, Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { Message } from "../conversations/message.model.ts";
import { forgetBucket } from "../figures/bucket-cache.ts";
import { chatRowOf } from "../figures/figures-ledger.ts";
import { bucketKeyAt, StatsBucket, type StoredChatRow, type StoredTicketRow } from "../figures/stats-bucket.model.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { ticketRowOf } from "../tickets/ticket-figures-row.ts";

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
