import { TICKET_LIST_LIMIT, type TicketDto, type TicketListInput } from "@parley/shared";
import type { QueryFilter, Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { toObjectId } from "../db/object-id.ts";
import { readInBatches } from "../db/read-in-batches.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { toTicketDto } from "./ticket-dto.ts";
import { TicketIndex, type TicketIndexDoc } from "./ticket-index.model.ts";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Tickets read at once by primary key once the page is known: few, so the chats' commands are not crowded out. */
const READ_AHEAD = 4;

/** The filter for the console's list, on the ticket index; every value was parsed by TicketListInput, so none is an operator. */
export function ticketFilter(agent: AgentDoc, input: TicketListInput): QueryFilter<TicketIndexDoc> {
  const and: QueryFilter<TicketIndexDoc>[] = [{ site: agent.site }];
  if (input.status?.length) and.push({ status: { $in: input.status } });
  if (input.priority?.length) and.push({ priority: { $in: input.priority } });
  if (input.assignee === "me") and.push({ assignee: agent._id });
  else if (input.assignee === "none") and.push({ assignee: null });
  else if (input.assignee) and.push({ assignee: toObjectId(input.assignee) });
  if (input.product) and.push({ product: input.product });
  if (input.customerId) and.push({ customer: toObjectId(input.customerId) });
  if (input.conversationId) and.push({ conversation: toObjectId(input.conversationId) });
  if (input.sla) {
    const states = input.sla === "at_risk_or_breached" ? ["at_risk", "breached"] : [input.sla];
    and.push({ $or: [{ responseState: { $in: states } }, { workaroundState: { $in: states } }] });
  }
  const q = input.q?.trim();
  if (q) {
    const number = /^(?:t-?)?(\d{1,9})$/i.exec(q);
    and.push({
      $or: [...(number ? [{ number: Number(number[1]) }] : []), { words: { $regex: escapeRegExp(q.toLowerCase()) } }],
    });
  }
  return { $and: and };
}

/**
 * Sorted by the nearest SLA due time by default: tickets with a running target first (soonest due, the
 * breached ones at the top as they fell due earliest), then the rest by their latest change. The filter and the
 * order run on the ticket index (small rows), then the page's tickets are read by primary key.
 */
export async function listTickets(agent: AgentDoc, input: TicketListInput, now: Date): Promise<TicketDto[]> {
  const filter = ticketFilter(agent, input);
  const site = await siteOf(agent.site);
  const page = (f: QueryFilter<TicketIndexDoc>, sort: Record<string, 1 | -1>, limit: number) =>
    TicketIndex.find(f).sort(sort).limit(limit).select({ _id: 1 }).lean<Pick<TicketIndexDoc, "_id">[]>().exec();
  let ids: Types.ObjectId[];
  if (input.sort === "updated") {
    ids = (await page(filter, { updatedAt: -1, _id: -1 }, TICKET_LIST_LIMIT)).map((r) => r._id);
  } else if (input.sort === "number") {
    ids = (await page(filter, { number: -1 }, TICKET_LIST_LIMIT)).map((r) => r._id);
  } else {
    const due = await page(
      { $and: [filter, { nextDueAt: { $ne: null } }] },
      { nextDueAt: 1, number: 1 },
      TICKET_LIST_LIMIT,
    );
    const rest =
      due.length < TICKET_LIST_LIMIT
        ? await page(
            { $and: [filter, { nextDueAt: null }] },
            { updatedAt: -1, _id: -1 },
            TICKET_LIST_LIMIT - due.length,
          )
        : [];
    ids = [...due, ...rest].map((r) => r._id);
  }
  const tickets = await readInBatches(ids, READ_AHEAD, (id) => Ticket.findById(id).lean<TicketDoc>().exec());
  return tickets.flatMap((t) => (t ? [toTicketDto(t, site.supportHours, now)] : []));
}

/** The index row of a ticket as it is now. */
export function ticketIndexRowOf(t: TicketDoc): TicketIndexDoc {
  return {
    _id: t._id,
    site: t.site,
    number: t.number,
    status: t.status,
    priority: t.fields.priority,
    product: t.fields.product ?? null,
    assignee: t.assignee ?? null,
    customer: t.customer ?? null,
    conversation: t.conversation ?? null,
    responseState: t.slaState?.response ?? null,
    workaroundState: t.slaState?.workaround ?? null,
    nextDueAt: t.nextDueAt ?? null,
    updatedAt: t.updatedAt,
    words: [t.fields.subject, t.fields.details, t.requesterName, t.requesterEmail, t.customerName]
      .filter(Boolean)
      .join("\n")
      .toLowerCase(),
  };
}

/** Writes a ticket's index row (every ticket write, ticket-written.ts). */
export async function indexTicket(t: TicketDoc, indexRow = ticketIndexRowOf(t)): Promise<void> {
  const { _id, ...row } = indexRow;
  await TicketIndex.updateOne({ _id }, { $set: row }, { upsert: true });
}

/** The index of everything stored before it existed, written once (db/migrations.ts). */
export async function buildTicketIndex(): Promise<number> {
  let n = 0;
  for await (const t of Ticket.find({}).lean<TicketDoc[]>().cursor()) {
    await indexTicket(t);
    n++;
  }
  return n;
}
