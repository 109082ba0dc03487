import type { StatsDto, StatsRange } from "@parley/shared";
import type { Types } from "mongoose";
import { ClosedConversation, Conversation } from "../conversations/conversation.model.ts";
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
  // Absent on chats stored before these fields existed.
  hadAgent?: boolean;
  firstAgentReplyAt?: Date | null;
  lastVisitorMessageAt?: Date | null;
  lastAgentMessageAt?: Date | null;
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
    Promise.all(
      [Conversation, ClosedConversation].map((chats) =>
        chats
          .find(
            { site: site._id, createdAt },
            {
              createdAt: 1,
              status: 1,
              assignee: 1,
              assigneeName: 1,
              declinedBy: 1,
              hadAgent: 1,
              closedAt: 1,
              firstAgentReplyAt: 1,
              lastVisitorMessageAt: 1,
              lastAgentMessageAt: 1,
            },
          )
          .lean<StoredChat[]>()
          .exec(),
      ),
    ).then((lists) => lists.flat()),
    Ticket.find(
      { site: site._id, createdAt },
      { createdAt: 1, "fields.priority": 1, responseClock: 1, workaroundClock: 1 },
    ).lean<StoredTicket[]>(),
  ]);
  const replied = await firstRepliesFromMessages(chats.filter(predatesReplyTimes).map((c) => c._id));
  return computeStats(
    window,
    chats.map((c) => toChatRow(c, replied.get(c._id.toHexString()) ?? null)),
    tickets.map(toTicketRow),
    site.supportHours,
  );
}

/**
 * A chat stored before the reply times were kept: it may have been answered though `firstAgentReplyAt` is
 * unset. Every chat since has `lastVisitorMessageAt`, as it starts with the visitor's message (short of a
 * crash between storing the chat and its first message, where the look-up below simply finds nothing).
 * So the fallback costs nothing once such chats have left the 7 days; until then it reads their messages,
 * which on devdb is the slow part (a full scan: ~0.7 s for 300 chats among 12,000 messages).
 */
const predatesReplyTimes = (c: StoredChat): boolean =>
  !c.firstAgentReplyAt && !c.lastVisitorMessageAt && !c.lastAgentMessageAt;

/** When an agent (not a staff note) first wrote in each of these chats, from their messages. */
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
    hadAgent: c.hadAgent ?? false,
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
