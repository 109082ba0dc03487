import type { TicketActInput, TicketCreateInput, TicketDto } from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isLead } from "../agents/roles.ts";
import { staffConversation } from "../conversations/conversation-access.ts";
import { markTicketed, recordVisitorTicket } from "../conversations/history-ticket-mark.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { OfflineRequest, type OfflineRequestDoc } from "../offline/offline-request.model.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { requireSiteProduct } from "../sites/site-products.ts";
import type { Clock } from "../time/clock.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { toTicketDto } from "./ticket-dto.ts";
import type { TicketNotifier } from "./ticket-notifier.ts";
import { formatTicketNumber } from "./ticket-number.ts";
import { createTicket, ticketTerms } from "./ticket-opening.ts";
import { chatSourceKey } from "./ticket-source.model.ts";
import { ticketOfSource } from "./ticket-sources.ts";
import { changeStatus } from "./ticket-status.ts";
import { record, SYSTEM_ACTOR, type TicketActor } from "./ticket-timeline.ts";

interface Requester {
  name: string;
  email: string | null;
  visitor: Types.ObjectId;
  conversation: Types.ObjectId | null;
  offlineRequest: Types.ObjectId | null;
  sourceKey: string;
  from: string;
  /** Manual articles the visitor opened while writing an offline request. */
  manualsOpened?: readonly { title: string; url: string }[];
}

export const staffActor = (agent: AgentDoc): TicketActor => ({ kind: "staff", id: agent._id, name: agent.name });

/**
 * Tickets from the staff side: creating one from a chat or an offline request, reading one, and moving it
 * through its statuses. Every change is applied with a compare-and-set (ticket-writes.ts), recorded on the
 * timeline and announced. Time comes from the injected clock, so tests can move it.
 */
export class TicketDesk {
  constructor(
    readonly notifier: TicketNotifier,
    readonly clock: Clock,
  ) {}

  async create(agent: AgentDoc, input: TicketCreateInput): Promise<TicketDto> {
    const now = this.clock();
    const site = await siteOf(agent.site);
    requireSiteProduct(site, input.fields.product ?? undefined, "fields.product");
    const requester = await this.requesterOf(agent, input.source);
    const stored = await ticketOfSource(requester.sourceKey);
    if (stored) return toTicketDto(stored, site.supportHours, now);

    const terms = await ticketTerms(site, requester.email, input.fields.product ?? null, input.fields.priority, now);
    const { ticket, raced } = await createTicket(site, now, terms, {
      fields: input.fields,
      requesterName: requester.name,
      requesterEmail: requester.email,
      visitor: requester.visitor,
      conversation: requester.conversation,
      offlineRequest: requester.offlineRequest,
      sourceKey: requester.sourceKey,
      assignee: agent._id,
      assigneeName: agent.name,
    });
    if (raced) return toTicketDto(ticket, site.supportHours, now);
    // After the source is keyed: a chat archived meanwhile finds the key (history-ticket-mark.ts).
    await Promise.all([
      ticket.conversation ? markTicketed(ticket.conversation) : undefined,
      recordVisitorTicket(ticket),
    ]);
    await record(
      ticket._id,
      staffActor(agent),
      now,
      "created",
      `created ${formatTicketNumber(ticket.number)} from ${requester.from}`,
      { to: "new" },
    );
    if (requester.manualsOpened?.length) {
      const opened = requester.manualsOpened.map((m) => `“${m.title}” (${m.url})`).join(", ");
      await record(ticket._id, SYSTEM_ACTOR, now, "manual", `the request came after opening the manual: ${opened}`);
    }
    this.notifier.changed(ticket, site, now, { created: true });
    return toTicketDto(ticket, site.supportHours, now);
  }

  async act(agent: AgentDoc, input: TicketActInput): Promise<TicketDto> {
    const { ticket, site } = await this.ticketFor(agent, input.ticketId);
    requireLiaison(agent, ticket);
    const now = this.clock();
    const updated = await changeStatus(ticket, input.action, staffActor(agent), { site, now, notifier: this.notifier });
    return toTicketDto(updated, site.supportHours, now);
  }

  /** A ticket of the agent's site, with the site (its calendar and settings) it is read against. */
  async ticketFor(agent: AgentDoc, ticketId: string): Promise<{ ticket: TicketDoc; site: SiteDoc }> {
    const [ticket, site] = await Promise.all([
      Ticket.findOne({ _id: toObjectId(ticketId), site: agent.site }).lean<TicketDoc>(),
      siteOf(agent.site),
    ]);
    if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
    return { ticket, site };
  }

  private async requesterOf(agent: AgentDoc, source: TicketCreateInput["source"]): Promise<Requester> {
    if (source.kind === "chat") {
      // Only someone who may read the chat may make a ticket of it: the ticket links its transcript and files.
      const c = await staffConversation(agent, toObjectId(source.conversationId), "view");
      return {
        name: c.visitorName,
        email: c.visitorEmail ?? null,
        visitor: c.visitor,
        conversation: c._id,
        offlineRequest: null,
        sourceKey: chatSourceKey(c._id),
        from: "a chat",
      };
    }
    const r = await OfflineRequest.findOne({
      _id: toObjectId(source.offlineRequestId),
      site: agent.site,
    }).lean<OfflineRequestDoc>();
    if (!r) throw new AppError("NOT_FOUND", "Offline request not found");
    return {
      name: r.name,
      email: r.email,
      visitor: r.visitor,
      conversation: null,
      offlineRequest: r._id,
      sourceKey: `offline:${r._id.toHexString()}`,
      from: `offline request ${r.reference}`,
      manualsOpened: (r.manualsOpened ?? []).map((m) => ({ title: m.title ?? "", url: m.url ?? "" })),
    };
  }
}

/** Status changes and escalations are for the ticket's assignee, or a supervisor or admin. */
export const mayLiaise = (agent: AgentDoc, ticket: TicketDoc): boolean =>
  isLead(agent) || ticket.assignee?.equals(agent._id) === true;

export function requireLiaison(agent: AgentDoc, ticket: TicketDoc): void {
  if (!mayLiaise(agent, ticket))
    throw new AppError("FORBIDDEN", "Only the ticket's assignee or a supervisor can do this");
}
