import type { MeetingDto } from "@parley/shared";
import type { StoredMeeting } from "./ticket-meetings.model.ts";

export function toMeetingDto(ticketId: string, m: StoredMeeting): MeetingDto {
  return {
    id: m.id,
    ticketId,
    status: m.status,
    slots: m.slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
    link: m.link,
    acceptedSlot: m.acceptedSlot,
    proposedBy: m.proposedBy,
    proposedAt: new Date(m.proposedAt).toISOString(),
    acceptedAt: m.acceptedAt ? new Date(m.acceptedAt).toISOString() : null,
    agentTimeZone: m.agentTimeZone,
    customerTimeZone: m.customerTimeZone,
  };
}
