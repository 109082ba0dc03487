import type { MeetingStatus } from "@parley/shared";
import { model, Schema, type Types } from "mongoose";

/** One proposal as stored: the slots as instants, and who proposed it (to invite them once it is accepted). */
export interface StoredMeeting {
  id: string;
  status: MeetingStatus;
  slots: { start: Date; end: Date }[];
  link: string;
  acceptedSlot: number | null;
  proposedById: Types.ObjectId;
  proposedBy: string;
  proposedAt: Date;
  acceptedAt: Date | null;
  agentTimeZone: string;
  customerTimeZone: string;
}

/**
 * Every web-conference proposal of one ticket, in one document keyed by the ticket's id: reading a
 * ticket's meetings (the console and the widget open it often) is one primary-key read, and the list is small
 * (a handful of proposals in a ticket's life). `version` makes each change a compare-and-set, so two accepts at
 * once (the widget and the email link) cannot both win.
 */
const ticketMeetingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    version: { type: Number, required: true, default: 0 },
    meetings: { type: [Schema.Types.Mixed], required: true, default: [] },
  },
  { versionKey: false, collection: "ticket_meetings" },
);

export interface TicketMeetingsDoc {
  _id: string;
  site: Types.ObjectId;
  version: number;
  meetings: StoredMeeting[];
}

export const TicketMeetings = model("TicketMeetings", ticketMeetingsSchema);
