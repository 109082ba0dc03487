import { model, Schema, type Types } from "mongoose";

/**
 * A Message-ID Parley has seen, keyed by it (angle brackets included): every ticket email it sent ("sent"), and
 * every email it took in ("received"). One primary-key read per id tells an intake that a message is its own
 * coming back (a loop), one it already took in (a redelivery), or which ticket a reply's In-Reply-To or
 * References belong to.
 */
const mailIdSchema = new Schema(
  {
    _id: { type: String, required: true },
    direction: { type: String, enum: ["sent", "received"], required: true },
    /** Null for a received email that opened no ticket (ignored as automatic). */
    ticket: { type: Schema.Types.ObjectId, ref: "Ticket", default: null },
    site: { type: Schema.Types.ObjectId, ref: "Site", default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface MailIdDoc {
  _id: string;
  direction: "sent" | "received";
  ticket: Types.ObjectId | null;
  site: Types.ObjectId | null;
  at: Date;
}
export const MailId = model("MailId", mailIdSchema, "mail_ids");
