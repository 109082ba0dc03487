import { type EntitlementDto, PRIORITIES, TICKET_CHANNELS, TICKET_STATUSES } from "@parley/shared";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";
import { attachmentSnapshotSchema } from "../conversations/message.model.ts";

const pauseSchema = new Schema(
  { from: { type: Date, required: true }, to: { type: Date, default: null } },
  { _id: false },
);

/** One SLA target's clock, as the engine in sla/sla-clock.ts reads it. */
const clockSchema = new Schema(
  {
    startedAt: { type: Date, required: true },
    targetMs: { type: Number, required: true },
    pauses: { type: [pauseSchema], default: [] },
    metAt: { type: Date, default: null },
  },
  { _id: false },
);

const fieldsSchema = new Schema(
  {
    subject: { type: String, required: true },
    priority: { type: String, enum: PRIORITIES, required: true },
    product: { type: String, default: null },
    productVersion: { type: String, default: "" },
    thirdPartyVersions: { type: String, default: "" },
    details: { type: String, default: "" },
    reproductionSteps: { type: String, default: "" },
    environment: { type: String, default: "" },
    mostRecentUpdate: { type: String, default: "" },
    changedSinceLastWorked: { type: String, default: "" },
    reproducedOnTestSystem: { type: String, enum: ["yes", "no", "unknown"], default: "unknown" },
  },
  { _id: false },
);

const escalationSchema = new Schema(
  {
    at: { type: Date, required: true },
    automatic: { type: Boolean, required: true },
    by: { type: String, required: true },
    reason: { type: String, required: true },
    phone: { type: String, default: null },
  },
  { _id: false },
);

const ticketSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    /** Per site, from 1001 up; shown as "T-1001". */
    number: { type: Number, required: true },
    status: { type: String, enum: TICKET_STATUSES, required: true, default: "new" },
    fields: { type: fieldsSchema, required: true },
    requesterName: { type: String, required: true },
    requesterEmail: { type: String, default: null },
    visitor: { type: Schema.Types.ObjectId, ref: "Visitor", default: null },
    /** The chat it came from; its transcript is kept (messages are never deleted) and linked from here. */
    conversation: { type: Schema.Types.ObjectId, ref: "Conversation", default: null },
    offlineRequest: { type: Schema.Types.ObjectId, ref: "OfflineRequest", default: null },
    /**
     * One ticket per source, "chat:<id>" or "offline:<id>": converting the same chat twice is a retry, not
     * a second ticket. Always set, as FerretDB 1.24 has no partial indexes to skip tickets without one.
     */
    sourceKey: { type: String, required: true },
    /** Where it came from; null on tickets stored before: a chat's or an offline request's, by its links. */
    channel: { type: String, enum: [...TICKET_CHANNELS, null], default: null },
    /** Emailed in from an address that is no customer's contact. */
    unverifiedSender: { type: Boolean, default: false },
    /** No priority was stated (an email without "[High]"): medium until someone triages it. */
    needsTriage: { type: Boolean, default: false },
    /**
     * The secret in the ticket's reply address (support+t-<token>@…), minted with its first email once inbound
     * email is set up; its `ticket_reply_tokens` document leads a reply back here (inbound-email/reply-tokens.ts).
     */
    replyToken: { type: String, default: null },
    assignee: { type: Schema.Types.ObjectId, ref: "Agent", default: null },
    assigneeName: { type: String, default: null },
    customer: { type: Schema.Types.ObjectId, ref: "Customer", default: null },
    customerName: { type: String, default: null },
    /** EntitlementDto as decided at creation (the policy looks at when the issue was reported). */
    entitlement: { type: Schema.Types.Mixed, required: true },
    /** Created without entitlement: stays visible on the list and the page. */
    flagged: { type: Boolean, required: true, default: false },
    slaPlan: { type: String, required: true },
    slaPlanName: { type: String, required: true, default: "Standard" },
    responseClock: { type: clockSchema, required: true },
    workaroundClock: { type: clockSchema, default: null },
    escalation: { type: escalationSchema, default: null },
    resolvedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    /** Resolved tickets close themselves then, unless the customer answers. */
    autoCloseAt: { type: Date, default: null },
    /** Each target's SLA state as of the last write (the list filters on it). */
    slaState: {
      response: { type: String, default: "running" },
      workaround: { type: String, default: null },
    },
    /**
     * The highest state the SLA watch has announced per target ("at_risk", "breached" or null), kept apart
     * from the current state so a pause and resume does not announce the same risk twice.
     */
    slaAlerted: {
      response: { type: String, default: null },
      workaround: { type: String, default: null },
    },
    /** When the watch must look at this ticket again (turns at risk, falls due, closes itself). */
    nextCheckAt: { type: Date, default: null },
    /** The soonest SLA due time among unmet targets: the list's default order. */
    nextDueAt: { type: Date, default: null },
    attachments: { type: [attachmentSnapshotSchema], default: [] },
  },
  { timestamps: true },
);
ticketSchema.index({ site: 1, number: 1 }, { unique: true });
ticketSchema.index({ site: 1, status: 1, updatedAt: -1 });
ticketSchema.index({ sourceKey: 1 }, { unique: true });
ticketSchema.index({ nextCheckAt: 1 });
ticketSchema.index({ site: 1, nextDueAt: 1 });
ticketSchema.index({ visitor: 1, createdAt: -1 });

export type TicketDoc = Omit<InferSchemaType<typeof ticketSchema>, "entitlement"> & {
  entitlement: EntitlementDto;
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const Ticket = model("Ticket", ticketSchema);
