import {
  STANDARD_SLA_PLAN,
  type SupportCalendar,
  type TicketActInput,
  type TicketCreateInput,
  type TicketDto,
} from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { isLead } from "../agents/roles.ts";
import { Conversation, type ConversationDoc } from "../conversations/conversation.model.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { OfflineRequest, type OfflineRequestDoc } from "../offline/offline-request.model.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { requireSiteProduct } from "../sites/site-products.ts";
import { targetMs } from "../sla/working-day.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { toTicketDto } from "./ticket-dto.ts";
import { TicketEvent } from "./ticket-event.model.ts";
import { formatTicketNumber, nextTicketNumber } from "./ticket-number.ts";
import { transition } from "./ticket-transitions.ts";

interface Requester {
  name: string;
  email: string | null;
  visitor: Types.ObjectId;
  conversation: Types.ObjectId | null;
  offlineRequest: Types.ObjectId | null;
  sourceKey: string;
  from: string;
}

type StoredClock = NonNullable<TicketDoc["workaroundClock"]>;

/**
 * Tickets on the server side (issue 4, first part): creating one from a chat or an offline request, and
 * staff moving it through its statuses, each change recorded on the timeline and applied with a
 * compare-and-set on the status it was decided from. `now` is a parameter so tests can move the clock.
 */
export class TicketDesk {
  constructor(private readonly staff: StaffNamespace) {}

  async create(agent: AgentDoc, input: TicketCreateInput, now = new Date()): Promise<TicketDto> {
    const site = await siteOf(agent.site);
    requireSiteProduct(site, input.fields.product ?? undefined, "fields.product");
    const requester = await this.requesterOf(agent, input.source);
    const stored = await Ticket.findOne({ sourceKey: requester.sourceKey }).lean<TicketDoc>();
    if (stored) return toTicketDto(stored, site.supportHours, now);

    const targets = STANDARD_SLA_PLAN.targets[input.fields.priority];
    const clock = (ms: number) => ({ startedAt: now, targetMs: ms, pauses: [], metAt: null });
    let ticket: TicketDoc;
    try {
      const created = await Ticket.create({
        site: site._id,
        number: await nextTicketNumber(site._id),
        status: "new",
        fields: input.fields,
        requesterName: requester.name,
        requesterEmail: requester.email,
        visitor: requester.visitor,
        conversation: requester.conversation,
        offlineRequest: requester.offlineRequest,
        sourceKey: requester.sourceKey,
        assignee: agent._id,
        assigneeName: agent.name,
        slaPlan: STANDARD_SLA_PLAN.id,
        responseClock: clock(targetMs(targets.response, site.supportHours)),
        workaroundClock: targets.workaround ? clock(targetMs(targets.workaround, site.supportHours)) : null,
      });
      ticket = created.toObject() as TicketDoc;
    } catch (err) {
      // The same chat converted twice at once: one ticket, and both callers get it.
      if (!isDuplicateKey(err)) throw err;
      const raced = await Ticket.findOne({ sourceKey: requester.sourceKey }).lean<TicketDoc>();
      if (!raced) throw err;
      return toTicketDto(raced, site.supportHours, now);
    }
    await TicketEvent.create({
      ticket: ticket._id,
      at: now,
      actorKind: "staff",
      actorId: agent._id,
      actorName: agent.name,
      type: "created",
      to: "new",
      text: `created ${formatTicketNumber(ticket.number)} from ${requester.from}`,
    });
    return this.announce(ticket, site.supportHours, now);
  }

  async act(agent: AgentDoc, input: TicketActInput, now = new Date()): Promise<TicketDto> {
    const ticket = await this.ticketOf(agent, input.ticketId);
    if (!isLead(agent) && !ticket.assignee?.equals(agent._id)) {
      throw new AppError("FORBIDDEN", "Only the ticket's assignee or a supervisor can change its status");
    }
    const result = transition(ticket.status, input.action, "staff");
    if (!result.ok) throw new AppError("CONFLICT", result.reason);
    const withEffects = (c: StoredClock): StoredClock => {
      let pauses = c.pauses.map((p) => ({ from: p.from, to: p.to ?? null }));
      if (result.effects.resume) pauses = pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
      if (result.effects.pause) pauses = [...pauses, { from: now, to: null }];
      return { ...c, pauses } as StoredClock;
    };
    const workaround = ticket.workaroundClock ? withEffects(ticket.workaroundClock) : null;
    if (workaround && result.effects.meetsWorkaround && !workaround.metAt) workaround.metAt = now;
    // Arrays of subdocuments are replaced whole: FerretDB 1.24 has neither arrayFilters nor positional $.
    const updated = await Ticket.findOneAndUpdate(
      { _id: ticket._id, status: ticket.status },
      { $set: { status: result.to, responseClock: withEffects(ticket.responseClock), workaroundClock: workaround } },
      { returnDocument: "after" },
    ).lean<TicketDoc>();
    if (!updated) throw new AppError("CONFLICT", "The ticket changed meanwhile; reload it");
    await TicketEvent.create({
      ticket: ticket._id,
      at: now,
      actorKind: "staff",
      actorId: agent._id,
      actorName: agent.name,
      type: "status",
      from: ticket.status,
      to: result.to,
      text: `changed the status from ${words(ticket.status)} to ${words(result.to)}`,
    });
    const site = await siteOf(agent.site);
    return this.announce(updated, site.supportHours, now);
  }

  async ticketOf(agent: AgentDoc, ticketId: string): Promise<TicketDoc> {
    const ticket = await Ticket.findOne({ _id: toObjectId(ticketId), site: agent.site }).lean<TicketDoc>();
    if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
    return ticket;
  }

  private announce(ticket: TicketDoc, cal: SupportCalendar, now: Date): TicketDto {
    const dto = toTicketDto(ticket, cal, now);
    this.staff.to(rooms.siteStaff(ticket.site)).emit("ticket:updated", dto);
    return dto;
  }

  private async requesterOf(agent: AgentDoc, source: TicketCreateInput["source"]): Promise<Requester> {
    if (source.kind === "chat") {
      const c = await Conversation.findOne({
        _id: toObjectId(source.conversationId),
        site: agent.site,
      }).lean<ConversationDoc>();
      if (!c) throw new AppError("NOT_FOUND", "Conversation not found");
      return {
        name: c.visitorName,
        email: c.visitorEmail ?? null,
        visitor: c.visitor,
        conversation: c._id,
        offlineRequest: null,
        sourceKey: `chat:${c._id.toHexString()}`,
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
    };
  }
}

const words = (status: string): string => status.replaceAll("_", " ");
