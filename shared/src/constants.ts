// Domain constants shared by the server, the widget and the console.
// This file must stay free of zod (and of any runtime dependency) so the
// widget can import it without pulling a validator into its bundle.

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_NAME_LENGTH = 120;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_URL_LENGTH = 2048;

/** Longest note that can travel with a transfer (staff only; the visitor never sees it). */
export const MAX_TRANSFER_NOTE_LENGTH = 1000;

/** Largest page of messages a single sync returns; clients ask again while `hasMore`. */
export const SYNC_PAGE_SIZE = 500;

/** Socket.IO `maxHttpBufferSize`: a little over the longest legal message, so a flood is cut at the transport. */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

export const AGENT_ROLES = ["agent", "supervisor", "admin"] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const CONVERSATION_STATUSES = ["queued", "active", "closed"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * What an agent has chosen in the console. Only "online" agents are offered chats; "offline" is also what
 * everyone sees once an agent's last console tab has been closed for the presence grace period.
 */
export const AGENT_STATUSES = ["online", "away", "offline"] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** How a site's queued chats reach agents: offered one agent at a time, or picked by agents from the queue. */
export const ASSIGNMENT_MODES = ["auto", "manual"] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** The policy's priority levels (shared/spec/support-policy.txt), most urgent first. */
export const PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Concurrent chats an agent handles unless an admin says otherwise. */
export const DEFAULT_AGENT_CAPACITY = 3;
export const MAX_AGENT_CAPACITY = 50;

/** How long an offered chat rings one agent before it moves on. */
export const DEFAULT_OFFER_TIMEOUT_SECONDS = 30;

export const AUTHOR_KINDS = ["visitor", "agent", "system"] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/**
 * Why a chat ended. Staff pick the first three when closing; "visitor_left" is the auto-close of a chat whose
 * visitor went away, "abandoned" a queued chat withdrawn because its visitor left before an answer.
 */
export const CLOSE_REASONS = ["resolved", "no_reply", "spam", "visitor_left", "abandoned"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const STAFF_CLOSE_REASONS = ["resolved", "no_reply", "spam"] as const;
export type StaffCloseReason = (typeof STAFF_CLOSE_REASONS)[number];
/** How a close reason reads in the transcript and the console. */
export const CLOSE_REASON_LABELS: { readonly [R in CloseReason]: string } = {
  resolved: "Resolved",
  no_reply: "No reply",
  spam: "Spam",
  visitor_left: "Visitor left",
  abandoned: "Abandoned in the queue",
};

/** Longest text kept as a chat's preview or last message in lists (the console's inbox, the ringing card). */
export const MAX_PREVIEW_LENGTH = 140;

// Typing indicators: a client typing says so at most every TYPING_REFRESH_MS; one that hears nothing
// more for TYPING_EXPIRY_MS drops the indicator (a tab closed mid-word never sends "stopped").
export const TYPING_REFRESH_MS = 3000;
export const TYPING_EXPIRY_MS = 6000;

/** Staff passwords: the shortest a new one may be (set by an admin, changed or reset by its owner). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

/** How long an emailed password reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

/** Cookie that carries an agent's session; httpOnly, so console scripts never see it. */
export const AGENT_SESSION_COOKIE = "parley_session";

export const SOCKET_NAMESPACES = {
  visitor: "/visitor",
  agent: "/agent",
} as const;

/** How long a client waits for an ack before treating the send as failed and keeping it for a retry. */
export const ACK_TIMEOUT_MS = 10_000;

/** Largest attachment (logs, screenshots) unless the server sets ATTACHMENT_MAX_BYTES. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Attachments per chat message or ticket reply. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/**
 * Upload: `POST` the file's bytes as the body (any Content-Type; the server sniffs the content itself), the
 * file name URI-encoded in `X-Filename`, and the place it belongs in the query: `?conversationId=` or
 * `?ticketId=`. Staff send their session cookie; a visitor sends `Authorization: Bearer <visitorToken>` and
 * `X-Parley-Site: <siteKey>`. Download: `GET {path}/{id}` with the same credentials.
 */
export const ATTACHMENTS_PATH = "/api/attachments";
export const ATTACHMENT_FILENAME_HEADER = "X-Filename";
export const VISITOR_SITE_HEADER = "X-Parley-Site";

/** What the upload form accepts (checked again by content on the server). */
export const ATTACHMENT_ACCEPT = ".png,.jpg,.jpeg,.gif,.webp,.pdf,.zip,.txt,.log,.json,.csv,.xml,.md,.yaml,.yml";

// Ratings and transcripts (a widget customers can make their own):
/** How a visitor rates a chat that ended: one of two, so CSAT is good / (good + bad). */
export const CHAT_RATINGS = ["good", "bad"] as const;
export type ChatRating = (typeof CHAT_RATINGS)[number];
/** The optional comment with a rating. */
export const MAX_RATING_COMMENT_LENGTH = 500;
