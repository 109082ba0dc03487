import type { MeetingAcceptInput, MeetingDto, MeetingProposeInput } from "@parley/shared";
import { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import type { Mailer } from "../email/mail.ts";
import { AppError } from "../errors/app-error.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import { staffActor, type TicketDesk } from "../tickets/ticket-desk.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { record, type TicketActor } from "../tickets/ticket-timeline.ts";
import type { Clock } from "../time/clock.ts";
import { MeetingAcceptLink } from "./meeting-accept-link.model.ts";
import { toMeetingDto } from "./meeting-dto.ts";
import { inviteEmail, proposalEmail, slotWords } from "./meeting-emails.ts";
import { requireSlotsInHours } from "./meeting-hours.ts";
import { meetingInvite } from "./meeting-invite.ts";
import { type StoredMeeting, TicketMeetings, type TicketMeetingsDoc } from "./ticket-meetings.model.ts";

export interface MeetingDeskDeps {
  tickets: TicketDesk;
  staff: StaffNamespace;
  visitors: VisitorNamespace;
  mailer?: Mailer;
  clock: Clock;
  /** Where the email's accept links point. */
  serverOrigin: () => string;
}

/**
 * Web conferences on tickets: staff propose slots and a link, the customer accepts one (in the widget or
 * from the email), both get an invite, and each step is on the ticket's timeline and pushed to both sides.
 */
export class MeetingDesk {
  constructor(private readonly deps: MeetingDeskDeps) {}

  /** A ticket of the agent's site (NOT_FOUND otherwise). */
  ticketFor(agent: AgentDoc, ticketId: string): ReturnType<TicketDesk["ticketFor"]> {
    return this.deps.tickets.ticketFor(agent, ticketId);
  }

  /** A ticket's proposals, oldest first: one primary-key read. */
  async meetingsOf(ticket: Pick<TicketDoc, "_id">): Promise<MeetingDto[]> {
    const doc = await TicketMeetings.findById(ticket._id.toHexString()).lean<TicketMeetingsDoc>();
    return (doc?.meetings ?? []).map((m) => toMeetingDto(ticket._id.toHexString(), m));
  }

  async propose(agent: AgentDoc, input: MeetingProposeInput): Promise<MeetingDto> {
    const { ticket, site } = await this.deps.tickets.ticketFor(agent, input.ticketId);
    if (ticket.status === "closed") throw new AppError("CONFLICT", "This ticket is closed");
    const now = this.deps.clock();
    const slots = input.slots.map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
    requireSlotsInHours(site.supportHours, slots, now);
    const meeting: StoredMeeting = {
      id: new Types.ObjectId().toHexString(),
      status: "proposed",
      slots,
      link: input.link,
      acceptedSlot: null,
      proposedById: agent._id,
      proposedBy: agent.name,
      proposedAt: now,
      acceptedAt: null,
      agentTimeZone: input.agentTimeZone,
      customerTimeZone: input.customerTimeZone,
    };
    // An unanswered proposal gives way to the new one: the customer picks from one list, never two.
    await this.change(ticket, site, (meetings) => [
      ...meetings.map((m) => (m.status === "proposed" ? { ...m, status: "superseded" as const } : m)),
      meeting,
    ]);
    const times = slots.map((s) => slotWords(s, input.agentTimeZone)).join("; ");
    await record(
      ticket._id,
      staffActor(agent),
      now,
      "meeting",
      `proposed a web conference at ${times} (${input.link})`,
    );

    const tokens = slots.map(() => mintToken());
    await MeetingAcceptLink.insertMany(
      slots.map((s, slot) => ({
        _id: hashToken(tokens[slot] ?? ""),
        site: site._id,
        ticket: ticket._id,
        meeting: meeting.id,
        slot,
        expiresAt: s.start,
      })),
    );
    if (ticket.requesterEmail && this.deps.mailer) {
      void this.deps.mailer.send(
        proposalEmail(
          this.about(ticket, site),
          { email: ticket.requesterEmail, name: ticket.requesterName },
          {
            proposedBy: agent.name,
            link: input.link,
            timeZone: input.customerTimeZone,
            slots: slots.map((s, i) => ({
              ...s,
              acceptUrl: `${this.deps.serverOrigin()}/meetings/accept/${tokens[i]}`,
            })),
          },
        ),
      );
    }
    const dto = toMeetingDto(ticket._id.toHexString(), meeting);
    this.announce(ticket, dto);
    return dto;
  }

  /** The customer picks a slot: once, a slot that was proposed, on the proposal still open. */
  async accept(ticket: TicketDoc, site: SiteDoc, input: Omit<MeetingAcceptInput, "ticketId">): Promise<MeetingDto> {
    const now = this.deps.clock();
    let accepted: StoredMeeting | undefined;
    await this.change(ticket, site, (meetings) => {
      const found = meetings.find((m) => m.id === input.meetingId);
      if (!found) throw new AppError("NOT_FOUND", "This meeting proposal was not found");
      if (found.status === "accepted") throw new AppError("CONFLICT", "A time was already accepted for this meeting");
      if (found.status === "superseded") throw new AppError("CONFLICT", "This proposal was replaced by a newer one");
      const slot = found.slots[input.slot];
      if (!slot) throw new AppError("BAD_REQUEST", "That time was not proposed");
      if (new Date(slot.start).getTime() <= now.getTime()) throw new AppError("CONFLICT", "That time has passed");
      accepted = { ...found, status: "accepted", acceptedSlot: input.slot, acceptedAt: now };
      const chosen = accepted;
      return meetings.map((m) => (m.id === chosen.id ? chosen : m));
    });
    if (!accepted) throw new AppError("INTERNAL", "accept left no meeting");
    const meeting: StoredMeeting = accepted;
    const slot = meeting.slots[input.slot] as { start: Date; end: Date };
    const when = { start: new Date(slot.start), end: new Date(slot.end) };
    const customer: TicketActor = { kind: "customer", id: ticket.visitor ?? null, name: ticket.requesterName };
    await record(
      ticket._id,
      customer,
      now,
      "meeting",
      `accepted the web conference at ${slotWords(when, meeting.customerTimeZone)} (${meeting.link})`,
    );
    await this.sendInvites(ticket, site, meeting, when);
    const dto = toMeetingDto(ticket._id.toHexString(), meeting);
    this.announce(ticket, dto);
    return dto;
  }

  private async sendInvites(
    ticket: TicketDoc,
    site: SiteDoc,
    meeting: StoredMeeting,
    slot: { start: Date; end: Date },
  ): Promise<void> {
    const { mailer } = this.deps;
    if (!mailer) return;
    const agent = await Agent.findById(meeting.proposedById).select({ email: 1, name: 1 }).lean<AgentDoc>();
    const about = this.about(ticket, site);
    const attendees = ticket.requesterEmail ? [{ name: ticket.requesterName, email: ticket.requesterEmail }] : [];
    const organizer = agent ? { name: agent.name, email: agent.email } : undefined;
    if (!organizer) return;
    const ics = meetingInvite({
      uid: `meeting-${meeting.id}@parley`,
      title: `Web conference: ${about.number} ${ticket.fields.subject}`,
      description: `Support web conference about ticket ${about.number} (${ticket.fields.subject}).\nJoin: ${meeting.link}`,
      start: slot.start,
      end: slot.end,
      link: meeting.link,
      organizer,
      attendees,
    });
    for (const person of [...attendees, organizer]) {
      const timeZone = person === organizer ? meeting.agentTimeZone : meeting.customerTimeZone;
      void mailer.send(inviteEmail(about, person, { slot, link: meeting.link, timeZone, ics }));
    }
  }

  /**
   * Applies `edit` to the ticket's proposals as one compare-and-set on the document's version: two writers at once
   * (an accept from the widget and one from the email) see one succeed and the other re-read and be refused.
   */
  private async change(
    ticket: TicketDoc,
    site: SiteDoc,
    edit: (meetings: StoredMeeting[]) => StoredMeeting[],
  ): Promise<void> {
    const _id = ticket._id.toHexString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = await TicketMeetings.findById(_id).lean<TicketMeetingsDoc>();
      const meetings = edit(doc?.meetings ?? []);
      if (!doc) {
        try {
          await TicketMeetings.create({ _id, site: site._id, version: 1, meetings });
          return;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          continue;
        }
      }
      const written = await TicketMeetings.updateOne(
        { _id, version: doc.version },
        { $set: { meetings, version: doc.version + 1 } },
      );
      if (written.modifiedCount === 1) return;
    }
    throw new AppError("CONFLICT", "The meeting changed meanwhile; try again");
  }

  private about(ticket: TicketDoc, site: SiteDoc) {
    return {
      number: formatTicketNumber(ticket.number),
      subject: ticket.fields.subject,
      siteName: site.name,
      site: site._id.toHexString(),
    };
  }

  private announce(ticket: TicketDoc, dto: MeetingDto): void {
    this.deps.staff.to(rooms.siteStaff(ticket.site)).emit("meeting:updated", dto);
    if (ticket.visitor) this.deps.visitors.to(rooms.visitor(ticket.visitor)).emit("meeting:updated", dto);
  }
}
