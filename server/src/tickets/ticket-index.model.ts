import { model, Schema, type Types } from "mongoose";

/**
 * One small row per ticket with what the console's list filters and sorts on: the list reads these
 * instead of the tickets, whose documents are several times larger, then the page's tickets by primary key. Kept
 * by every ticket write (ticket-written.ts); the words of a ticket are one lower-cased string.
 */
const ticketIndexSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    site: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    status: { type: String, required: true },
    priority: { type: String, required: true },
    product: { type: String, default: null },
    assignee: { type: Schema.Types.ObjectId, default: null },
    customer: { type: Schema.Types.ObjectId, default: null },
    conversation: { type: Schema.Types.ObjectId, default: null },
    responseState: { type: String, default: null },
    workaroundState: { type: String, default: null },
    nextDueAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
    /** Subject, details, requester's name and email, customer's name. */
    words: { type: String, required: true },
  },
  { versionKey: false },
);
ticketIndexSchema.index({ site: 1, nextDueAt: 1 });
ticketIndexSchema.index({ site: 1, updatedAt: -1 });

export interface TicketIndexDoc {
  _id: Types.ObjectId;
  site: Types.ObjectId;
  number: number;
  status: string;
  priority: string;
  product: string | null;
  assignee: Types.ObjectId | null;
  customer: Types.ObjectId | null;
  conversation: Types.ObjectId | null;
  responseState: string | null;
  workaroundState: string | null;
  nextDueAt: Date | null;
  updatedAt: Date;
  words: string;
}
export const TicketIndex = model("TicketIndex", ticketIndexSchema, "ticket_index");
