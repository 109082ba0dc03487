import { type InferSchemaType, model, Schema, type Types } from "mongoose";

/**
 * An email not yet delivered: written before the first attempt, removed once it is sent. What stays is what is
 * still to send (pending) and what gave up after its last attempt (failed, shown to admins), so the collection
 * stays small and the retry sweep's read is bounded by it.
 */
const outboxMailSchema = new Schema(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, default: null },
    calendar: { type: String, default: null },
    kind: { type: String, required: true },
    ticket: { type: String, default: "" },
    site: { type: String, default: null },
    replyTo: { type: String, default: null },
    messageId: { type: String, default: null },
    inReplyTo: { type: String, default: null },
    status: { type: String, enum: ["pending", "failed"], required: true, default: "pending" },
    attempts: { type: Number, required: true, default: 0 },
    /** Until then the email is someone's: the first attempt's, or a retry that claimed it. */
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: null },
  },
  { timestamps: true, collection: "email_outbox" },
);

export type OutboxMailDoc = InferSchemaType<typeof outboxMailSchema> & { _id: Types.ObjectId; createdAt: Date };
export const OutboxMail = model("OutboxMail", outboxMailSchema);
