import { AUTHOR_KINDS, CHAT_RATINGS, CLOSE_REASONS, CONVERSATION_STATUSES } from "@parley/shared/constants";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const environmentSchema = new Schema(
  { url: String, referrer: String, userAgent: String, language: String, timeZone: String },
  { _id: false },
);

const lastMessageSchema = new Schema(
  {
    seq: { type: Number, required: true },
    authorKind: { type: String, enum: AUTHOR_KINDS, required: true },
    body: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const participantSchema = new Schema(
  { agent: { type: Schema.Types.ObjectId, ref: "Agent", required: true }, name: { type: String, required: true } },
  { _id: false },
);

const ratingSchema = new Schema(
  {
    value: { type: String, enum: CHAT_RATINGS, required: true },
    comment: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const conversationSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    visitor: { type: Schema.Types.ObjectId, ref: "Visitor", required: true },
    visitorName: { type: String, required: true },
    visitorEmail: { type: String, default: null },
    environment: { type: environmentSchema, default: null },
    status: { type: String, enum: CONVERSATION_STATUSES, required: true, default: "queued" },
    assignee: { type: Schema.Types.ObjectId, ref: "Agent", default: null },
    assigneeName: { type: String, default: null },
    /** Highest seq handed out; messages take the value of an atomic $inc. */
    lastSeq: { type: Number, required: true, default: 0 },
    /**
     * "open:<visitorId>" while the conversation is open, "closed:<id>" after. A unique
     * index on it allows one open conversation per visitor without a partial index,
     * which FerretDB 1.24 lacks.
     */
    openKey: { type: String, required: true, unique: true },
    assignedAt: { type: Date, default: null },
    /** Product the visitor picked, or the team a chat was transferred to; routing prefers its agents. */
    product: { type: String, default: null },
    /** The agent a queued chat is ringing; the status stays "queued" until they accept. */
    offeredTo: { type: Schema.Types.ObjectId, ref: "Agent", default: null },
    offeredToName: { type: String, default: null },
    offerExpiresAt: { type: Date, default: null },
    /** Agents who declined this chat or transferred it away: it is not offered to them again. */
    declinedBy: { type: [Schema.Types.ObjectId], default: [] },
    closedAt: { type: Date, default: null },
    /** An agent was offered or given the chat at some point: an unanswered end counts as missed, not abandoned. */
    hadAgent: { type: Boolean, default: false },
    /** Supervisors who joined the chat (barge-in) and may reply in it as themselves; cleared when it changes hands. */
    participants: { type: [participantSchema], default: [] },
    /**
     * Kept with each message, for the supervisors' wall and the figures. The first reply is left unset (not null)
     * until it happens, so the message log can set it with `$min`: once, earliest wins, in one primary-key update.
     */
    firstAgentReplyAt: { type: Date },
    lastVisitorMessageAt: { type: Date, default: null },
    lastAgentMessageAt: { type: Date, default: null },
    /**
     * Its messages are stored under "<conversation>:<seq>" with message keys, so a resync reads them by
     * primary key. Absent on conversations started before: those are read by query (message-store.ts).
     */
    keyedMessages: { type: Boolean, default: true },
    /** The visitor's first message, cut to MAX_PREVIEW_LENGTH (the ringing card). */
    preview: { type: String, default: null },
    /** The latest message the visitor could see, cut to MAX_PREVIEW_LENGTH; written with the message (inbox lists). */
    lastMessage: { type: lastMessageSchema, default: null },
    /** Highest seq each side has read ("Seen"): raised with `$max`, never lowered, never a message. */
    visitorReadSeq: { type: Number, default: 0 },
    agentReadSeq: { type: Number, default: 0 },
    /** When the visitor's last connection to this chat dropped; null while connected. */
    visitorDisconnectedAt: { type: Date, default: null },
    /** Set once the visitor has been gone for the site's "visitor left" minutes; cleared if they come back. */
    visitorLeftAt: { type: Date, default: null },
    closeReason: { type: String, enum: CLOSE_REASONS, default: null },
    // Always reachable:
    /** Left as a message outside support hours: it stays queued when the visitor leaves (they were told to). */
    leftMessage: { type: Boolean, default: false },
    /** When the last "reply while you were away" email was queued for this chat: one per REPLY_EMAIL_GAP. */
    replyEmailedAt: { type: Date, default: null },
    // Ratings and transcripts: written on the closed chat only (conversation-rating.ts,
    // transcript-request.ts), so left unset (no default) on the open ones every message rewrites.
    /** The visitor's rating, once; the figures count it by the chat's start (CSAT). */
    rating: { type: ratingSchema },
    /** When its transcript was emailed: one per chat. */
    transcriptSentAt: { type: Date },
  },
  { timestamps: true },
);
// Two collections with one shape (below): their indexes differ. Open chats are few, and every index costs each
// write (on devdb a JSON extraction per index per update, and a message updates its chat): one index serves the
// site's queue and inbox there, besides openKey. The history is large and read by reports and lookups.
const closedConversationSchema = conversationSchema.clone();
// Set by primary key when a ticket is made from the chat, before or after it closed (conversations/history-ticket-mark.ts).
closedConversationSchema.add({ hasTicket: { type: Boolean } });
conversationSchema.index({ site: 1, status: 1, createdAt: 1 });
closedConversationSchema.index({ site: 1, createdAt: 1 });
closedConversationSchema.index({ visitor: 1, createdAt: -1 });
closedConversationSchema.index({ site: 1, closedAt: -1 });

export type ConversationDoc = InferSchemaType<typeof conversationSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
/**
 * Open chats only (queued and active): routing, the wall and the compare-and-set updates on ownership read this
 * collection, and on devdb any query but a primary-key lookup reads all of it, so it must stay the size of what
 * is live, not of all time. A closed chat moves to ClosedConversation (conversation-archive.ts).
 */
export const Conversation = model("Conversation", conversationSchema);
/** Closed chats, the history: read by primary key (transcripts, tickets, files) and by reports. */
export const ClosedConversation = model("ClosedConversation", closedConversationSchema, "closed_conversations");

export const openKeyFor = (visitorId: Types.ObjectId): string => `open:${visitorId.toHexString()}`;
export const closedKeyFor = (conversationId: Types.ObjectId): string => `closed:${conversationId.toHexString()}`;
