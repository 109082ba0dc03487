import type { StatsDto, StatsRange } from "@parley/shared";
import type { Types } from "mongoose";
import { Conversation } from "../conversations/conversation.model.ts";
import { Message } from "../conversations/message.model.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { Ticket } from "../tickets/ticket.model.ts";
import { clockOf, type StoredClock } from "../tickets/ticket-derived.ts";
import { type ChatRow, computeStats, statsWindow, type TicketRow } from "./figures.ts";

// Plain `find`s with projections, summed up in code: FerretDB 1.24 has no $lookup or $facet, and a site's
// week is a few thousand small rows at most. Both queries use the { site, createdAt } indexes.

interface StoredChat {
  _id: Types.ObjectId;
  createdAt: Date;
  status: ChatRow["status"];
  assignee: Types.ObjectId | null;
  assigneeName: string | null;
  declinedBy: Types.ObjectId[];
  closedAt: Date | null;
  firstAgentReplyAt?: Date | null;
}

interface StoredTicket {
  createdAt: Date;
  fields: { priority: TicketRow["priority"] };
  responseClock: StoredClock;
  workaroundClock: StoredClock | null;
}

/** The figures of a site for `range`, as of `now`. */
export async function loadStats(site: SiteDoc, range: StatsRange, now: Date): Promise<StatsDto> {
  const window = statsWindow(range, site.supportHours.timeZone, now);
  const createdAt = { $gte: window.from, $lte: window.to };
  const [chats, tickets] = await Promise.all([
    Conversation.find(
      { site: site._id, createdAt },
      { createdAt: 1, status: 1, assignee: 1, assigneeName: 1, declinedBy: 1, closedAt: 1, firstAgentReplyAt: 1 },
    ).lean<StoredChat[]>(),
    Ticket.find(
      { site: site._id, createdAt },
      { createdAt: 1, "fields.priority": 1, responseClock: 1, workaroundClock: 1 },
    ).lean<StoredTicket[]>(),
  ]);
  const replied = await firstRepliesFromMessages(chats.filter((c) => !c.firstAgentReplyAt).map((c) => c._id));
  return computeStats(
    window,
    chats.map((c) => toChatRow(c, replied.get(c._id.toHexString()) ?? null)),
    tickets.map(toTicketRow),
    site.supportHours,
  );
}

/**
 * When an agent first replied in chats without `firstAgentReplyAt`. Chats stored before the field existed
 * have it null even when answered; their messages (agent, not internal) still tell. Chats that were
 * really unanswered have no such message, so the look-up returns nothing for them, and it only covers
 * the unanswered chats of the range, so it stays small. Once every stored chat postdates the field, this
 * finds nothing and could go.
 */
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

function toChatRow(c: StoredChat, repliedAt: Date | null): ChatRow {
  return {
    createdAt: c.createdAt,
    status: c.status,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    declinedCount: c.declinedBy?.length ?? 0,
    closedAt: c.closedAt ?? null,
    firstAgentReplyAt: c.firstAgentReplyAt ?? repliedAt,
  };
}

function toTicketRow(t: StoredTicket): TicketRow {
  return {
    createdAt: t.createdAt,
    priority: t.fields.priority,
    responseClock: clockOf(t.responseClock),
    workaroundClock: t.workaroundClock ? clockOf(t.workaroundClock) : null,
  };
}
