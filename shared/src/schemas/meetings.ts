import { z } from "zod";
import { ObjectIdString } from "./primitives.ts";
import { IanaTimeZone } from "./support-hours.ts";

// Web conferences (shared/spec/support-policy.txt "Web Conferencing": "Codegic can schedule an online
// webinar at a mutually convenient time"): an agent proposes time slots and a meeting link from a ticket, the
// customer picks one in the widget or from the email, and both get an invite.

/** Most slots one proposal offers: a few choices, not a calendar. */
export const MAX_MEETING_SLOTS = 5;
/** A slot longer than this is a typo (a wrong day on the end time), not a meeting. */
export const MAX_MEETING_MINUTES = 4 * 60;

const Instant = z.iso.datetime({ offset: true, error: "must be a date and time such as 2026-03-02T14:00:00Z" });

export const MeetingSlot = z
  .strictObject({ start: Instant, end: Instant })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { error: "must end after it starts", path: ["end"] })
  .refine((s) => Date.parse(s.end) - Date.parse(s.start) <= MAX_MEETING_MINUTES * 60_000, {
    error: `must last at most ${MAX_MEETING_MINUTES / 60} hours`,
    path: ["end"],
  });
export type MeetingSlot = z.infer<typeof MeetingSlot>;

/**
 * The meeting's address in whatever tool the team uses (the policy names TeamViewer and GoToMeeting): https only,
 * so it can never be `javascript:` or a plain-http page, and without a user name or password in it.
 */
export const MeetingLink = z
  .url({ protocol: /^https$/, hostname: /^[a-z0-9.-]+$/i, error: "must be an https:// address" })
  .max(500, "at most 500 characters")
  .refine((value) => !/^https:\/\/[^/]*@/i.test(value), "must be an address without a user name or password");

/**
 * `meeting:propose` (staff): slots inside the site's support hours, shown to the agent in `agentTimeZone` and to
 * the customer's email in `customerTimeZone`. A new proposal replaces one the customer has not answered yet.
 */
export const MeetingProposeInput = z.strictObject({
  ticketId: ObjectIdString,
  slots: z
    .array(MeetingSlot)
    .min(1, "propose at least one time")
    .max(MAX_MEETING_SLOTS, `at most ${MAX_MEETING_SLOTS} times`),
  link: MeetingLink,
  agentTimeZone: IanaTimeZone,
  customerTimeZone: IanaTimeZone,
});
export type MeetingProposeInput = z.infer<typeof MeetingProposeInput>;

/** `meeting:accept` (the ticket's requester in the widget): one of the proposed slots, by its position. */
export const MeetingAcceptInput = z.strictObject({
  ticketId: ObjectIdString,
  meetingId: ObjectIdString,
  slot: z
    .number()
    .int()
    .min(0)
    .max(MAX_MEETING_SLOTS - 1),
});
export type MeetingAcceptInput = z.infer<typeof MeetingAcceptInput>;

export const MEETING_STATUSES = ["proposed", "accepted", "superseded"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A proposal as staff and the ticket's requester see it (the same for both: nothing in it is internal). */
export interface MeetingDto {
  id: string;
  ticketId: string;
  status: MeetingStatus;
  slots: MeetingSlot[];
  link: string;
  /** The slot the customer picked (its position in `slots`), once accepted. */
  acceptedSlot: number | null;
  proposedBy: string;
  proposedAt: string;
  acceptedAt: string | null;
  agentTimeZone: string;
  customerTimeZone: string;
}

/** `meeting:list` (staff): a ticket's proposals, and the time zone the customer's browser reported, if any. */
export interface TicketMeetingsDto {
  meetings: MeetingDto[];
  reportedTimeZone: string | null;
}
