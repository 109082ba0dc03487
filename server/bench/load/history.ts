// The history the load bench preloads before measuring again: what a site accumulates over months, written
// straight into the collections in bulk (the way the data would look, not the way it got there).
import { randomBytes } from "node:crypto";
import mongoose, { type Types } from "mongoose";
import { AgentSession } from "../../src/agents/agent-session.model.ts";
import { ClosedConversation } from "../../src/conversations/conversation.model.ts";
import { Message, messageIdOf } from "../../src/conversations/message.model.ts";
import { MessageKey, messageKeyOf } from "../../src/conversations/message-key.model.ts";
import { hashToken } from "../../src/security/opaque-token.ts";
import type { SiteDoc } from "../../src/sites/site.model.ts";
import { buildLedger } from "../../src/supervision/figures-rebuild.ts";
import { reconcileSchedule } from "../../src/tickets/sla-schedule.ts";
import { Ticket } from "../../src/tickets/ticket.model.ts";
import { buildTicketIndex } from "../../src/tickets/ticket-list.ts";
import { Visitor } from "../../src/visitors/visitor.model.ts";
import { VisitorToken } from "../../src/visitors/visitor-token.model.ts";
import { benchTicketDocs } from "../fixtures/ticket-docs.ts";

export interface HistorySize {
  messages: number;
  visitors: number;
  closedConversations: number;
  tickets: number;
  /** Of the tickets, how many the SLA watch finds due. */
  dueTickets: number;
  expiredSessions: number;
}

const BATCH = 1_000;
const H = 3_600_000;

async function insertInBatches(collection: mongoose.mongo.Collection, docs: () => Iterable<object>): Promise<void> {
  let batch: object[] = [];
  for (const doc of docs()) {
    batch.push(doc);
    if (batch.length === BATCH) {
      await collection.insertMany(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await collection.insertMany(batch, { ordered: false });
}

export async function preloadHistory(site: SiteDoc, agentId: Types.ObjectId, size: HistorySize, now: Date) {
  const visitorIds = Array.from({ length: size.visitors }, () => new mongoose.Types.ObjectId());
  await insertInBatches(Visitor.collection, function* () {
    for (const [i, _id] of visitorIds.entries()) {
      yield {
        _id,
        site: site._id,
        tokenHash: hashToken(`history-visitor-${i}`),
        name: `Past visitor ${i}`,
        email: null,
        lastConversation: null,
        createdAt: now,
        updatedAt: now,
      };
    }
  });
  await insertInBatches(VisitorToken.collection, function* () {
    for (const [i, visitor] of visitorIds.entries()) {
      yield { _id: hashToken(`history-visitor-${i}`), visitor, site: site._id };
    }
  });

  // Closed over the last week, so the figures' 7 days have a week's worth to read.
  const perChat = Math.max(1, Math.round(size.messages / size.closedConversations));
  const chatIds = Array.from({ length: size.closedConversations }, () => new mongoose.Types.ObjectId());
  await insertInBatches(ClosedConversation.collection, function* () {
    for (const [i, _id] of chatIds.entries()) {
      const createdAt = new Date(now.getTime() - ((i * 7 * 24 * H) / size.closedConversations + 60_000));
      yield {
        _id,
        site: site._id,
        visitor: visitorIds[i % visitorIds.length],
        visitorName: `Past visitor ${i}`,
        visitorEmail: null,
        environment: null,
        status: "closed",
        assignee: agentId,
        assigneeName: "Agent 0",
        lastSeq: perChat,
        openKey: `closed:${_id.toHexString()}`,
        assignedAt: new Date(createdAt.getTime() + 30_000),
        product: null,
        offeredTo: null,
        offeredToName: null,
        offerExpiresAt: null,
        declinedBy: [],
        closedAt: new Date(createdAt.getTime() + 10 * 60_000),
        hadAgent: true,
        participants: [],
        firstAgentReplyAt: new Date(createdAt.getTime() + 45_000),
        lastVisitorMessageAt: new Date(createdAt.getTime() + 5 * 60_000),
        lastAgentMessageAt: new Date(createdAt.getTime() + 6 * 60_000),
        keyedMessages: true,
        createdAt,
        updatedAt: createdAt,
      };
    }
  });
  const messageRows = function* () {
    for (let n = 0; n < size.messages; n++) {
      const chat = chatIds[n % chatIds.length] as Types.ObjectId;
      const seq = Math.floor(n / chatIds.length) + 1;
      yield { chat, seq, clientMsgId: `hist_${n.toString().padStart(8, "0")}` };
    }
  };
  await insertInBatches(Message.collection, function* () {
    for (const { chat, seq, clientMsgId } of messageRows()) {
      yield {
        _id: messageIdOf(chat, seq),
        conversation: chat,
        seq,
        clientMsgId,
        authorKind: seq % 2 ? "visitor" : "agent",
        authorId: seq % 2 ? null : agentId,
        authorName: seq % 2 ? "Past visitor" : "Agent 0",
        body: "A message from the history, about as long as a typical chat line is.",
        internal: false,
        attachments: [],
        createdAt: now,
      };
    }
  });
  await insertInBatches(MessageKey.collection, function* () {
    for (const { chat, seq, clientMsgId } of messageRows()) yield { _id: messageKeyOf(chat, clientMsgId), seq };
  });

  // Tickets: most recent (not due for a while), `dueTickets` of them old enough for the SLA watch to act on.
  const tickets = benchTicketDocs(site, now, size.tickets, {
    assignee: agentId,
    keyPrefix: "history",
    // The due ones opened half an hour apart over the last days; the others in the last minute.
    createdBeforeMs: (i) => (i < size.dueTickets ? 100 * H + i * 30 * 60_000 : 60_000),
    closed: (i) => i >= size.dueTickets && i % 5 === 0,
  });
  // Through the model once, for the defaults the desk's documents carry; then stored in bulk like the rest.
  await insertInBatches(Ticket.collection, function* () {
    for (const t of tickets) yield { ...new Ticket(t).toObject(), createdAt: t.createdAt, updatedAt: t.updatedAt };
  });

  // What the server keeps beside them, built the way a deployment's first start builds it for its existing data:
  // the figures' hourly rows, the SLA watch's schedule and the list's ticket index.
  await buildLedger();
  await reconcileSchedule();
  await buildTicketIndex();

  await insertInBatches(AgentSession.collection, function* () {
    for (let i = 0; i < size.expiredSessions; i++) {
      yield {
        _id: randomBytes(32).toString("hex"),
        agent: agentId,
        createdAt: new Date(now.getTime() - 30 * 24 * H),
        expiresAt: new Date(now.getTime() - 29 * 24 * H),
      };
    }
  });
}
