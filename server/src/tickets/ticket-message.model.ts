import { type InferSchemaType, model, Schema, type Types } from "mongoose";
import { attachmentSnapshotSchema } from "../conversations/message.model.ts";

/** A reply on a ticket, from the customer or staff, or a staff note (`internal`) the customer never sees. */
const ticketMessageSchema = new Schema({
  ticket: { type: Schema.Types.ObjectId, ref: "Ticket", required: true },
  clientMsgId: { type: String, required: true },
  authorKind: { type: String, enum: ["staff", "customer"], required: true },
  authorId: { type: Schema.Types.ObjectId, default: null },
  authorName: { type: String, required: true },
  body: { type: String, required: true },
  internal: { type: Boolean, required: true, default: false },
  attachments: { type: [attachmentSnapshotSchema], default: [] },
  createdAt: { type: Date, required: true },
});
// One row per client send: a resend returns the stored reply.
ticketMessageSchema.index({ ticket: 1, clientMsgId: 1 }, { unique: true });
ticketMessageSchema.index({ ticket: 1, createdAt: 1 });

export type TicketMessageDoc = InferSchemaType<typeof ticketMessageSchema> & { _id: Types.ObjectId };
export const TicketMessage = model("TicketMessage", ticketMessageSchema);
