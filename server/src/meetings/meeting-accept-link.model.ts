import { model, Schema, type Types } from "mongoose";

/**
 * One slot's accept link in a proposal email. Keyed by the sha256 of its token, so following it is one
 * primary-key read and the database never holds a working link. It expires with the slot it accepts.
 */
const meetingAcceptLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    ticket: { type: Schema.Types.ObjectId, ref: "Ticket", required: true },
    meeting: { type: String, required: true },
    slot: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "meeting_accept_links" },
);

export interface MeetingAcceptLinkDoc {
  _id: string;
  site: Types.ObjectId;
  ticket: Types.ObjectId;
  meeting: string;
  slot: number;
  expiresAt: Date;
}

export const MeetingAcceptLink = model("MeetingAcceptLink", meetingAcceptLinkSchema);
