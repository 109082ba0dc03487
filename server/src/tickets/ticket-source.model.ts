import { model, Schema, type Types } from "mongoose";

/**
 * Which ticket was made from a chat or an offline request, keyed by the source ("chat:<id>", "offline:<id>"): one
 * primary-key read tells whether a chat already has its ticket (creating one, the supervisors' wall), however many
 * tickets there are. The tickets' unique `sourceKey` index still allows one ticket per source.
 */
const ticketSourceSchema = new Schema(
  {
    _id: { type: String, required: true },
    ticket: { type: Schema.Types.ObjectId, ref: "Ticket", required: true },
  },
  { versionKey: false },
);

export interface TicketSourceDoc {
  _id: string;
  ticket: Types.ObjectId;
}
export const TicketSource = model("TicketSource", ticketSourceSchema, "ticket_sources");

export const chatSourceKey = (conversationId: Types.ObjectId): string => `chat:${conversationId.toHexString()}`;
