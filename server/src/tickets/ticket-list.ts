import { TICKET_LIST_LIMIT, type TicketDto, type TicketListInput } from "@parley/shared";
import type { QueryFilter } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { toObjectId } from "../db/object-id.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { toTicketDto } from "./ticket-dto.ts";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The filter for the console's list; every value was parsed by TicketListInput, so none is an operator. */
export function ticketFilter(agent: AgentDoc, input: TicketListInput): QueryFilter<TicketDoc> {
  const and: QueryFilter<TicketDoc>[] = [{ site: agent.site }];
  if (input.status?.length) and.push({ status: { $in: input.status } });
  if (input.priority?.length) and.push({ "fields.priority": { $in: input.priority } });
  if (input.assignee === "me") and.push({ assignee: agent._id });
  else if (input.assignee === "none") and.push({ assignee: null });
  else if (input.assignee) and.push({ assignee: toObjectId(input.assignee) });
  if (input.product) and.push({ "fields.product": input.product });
  if (input.customerId) and.push({ customer: toObjectId(input.customerId) });
  if (input.conversationId) and.push({ conversation: toObjectId(input.conversationId) });
  if (input.sla) {
    const states = input.sla === "at_risk_or_breached" ? ["at_risk", "breached"] : [input.sla];
    and.push({ $or: [{ "slaState.response": { $in: states } }, { "slaState.workaround": { $in: states } }] });
  }
  const q = input.q?.trim();
  if (q) {
    const number = /^(?:t-?)?(\d{1,9})$/i.exec(q);
    const words = { $regex: escapeRegExp(q), $options: "i" };
    and.push({
      $or: [
        ...(number ? [{ number: Number(number[1]) }] : []),
        { "fields.subject": words },
        { "fields.details": words },
        { requesterName: words },
        { requesterEmail: words },
        { customerName: words },
      ],
    });
  }
  return { $and: and };
}

/**
 * Sorted by the nearest SLA due time by default: tickets with a running target first (soonest due, the
 * breached ones at the top as they fell due earliest), then the rest by their latest change.
 */
export async function listTickets(agent: AgentDoc, input: TicketListInput, now: Date): Promise<TicketDto[]> {
  const filter = ticketFilter(agent, input);
  const site = await siteOf(agent.site);
  let tickets: TicketDoc[];
  if (input.sort === "updated") {
    tickets = await Ticket.find(filter).sort({ updatedAt: -1, _id: -1 }).limit(TICKET_LIST_LIMIT).lean<TicketDoc[]>();
  } else if (input.sort === "number") {
    tickets = await Ticket.find(filter).sort({ number: -1 }).limit(TICKET_LIST_LIMIT).lean<TicketDoc[]>();
  } else {
    const due = await Ticket.find({ $and: [filter, { nextDueAt: { $ne: null } }] })
      .sort({ nextDueAt: 1, number: 1 })
      .limit(TICKET_LIST_LIMIT)
      .lean<TicketDoc[]>();
    const rest =
      due.length < TICKET_LIST_LIMIT
        ? await Ticket.find({ $and: [filter, { nextDueAt: null }] })
            .sort({ updatedAt: -1, _id: -1 })
            .limit(TICKET_LIST_LIMIT - due.length)
            .lean<TicketDoc[]>()
        : [];
    tickets = [...due, ...rest];
  }
  return tickets.map((t) => toTicketDto(t, site.supportHours, now));
}
