import { TICKET_STATUSES } from "@parley/shared";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";

/** The timeline: every change to a ticket, who made it and when. Append-only. */
const ticketEventSchema = new Schema({
  ticket: { type: Schema.Types.ObjectId, ref: "Ticket", required: true },
  at: { type: Date, required: true, default: () => new Date() },
  actorKind: { type: String, enum: ["staff", "customer", "system"], required: true },
  actorId: { type: Schema.Types.ObjectId, default: null },
  actorName: { type: String, required: true },
  type: {
    type: String,
    enum: ["created", "status", "reply", "note", "escalated", "sla", "attachment", "meeting", "manual"],
    required: true,
  },
  from: { type: String, enum: [...TICKET_STATUSES, null], default: null },
  to: { type: String, enum: [...TICKET_STATUSES, null], default: null },
  text: { type: String, required: true },
});
ticketEventSchema.index({ ticket: 1, at: 1 });

export type TicketEventDoc = InferSchemaType<typeof ticketEventSchema> & { _id: Types.ObjectId };
export const TicketEvent = model("TicketEvent", ticketEventSchema);
