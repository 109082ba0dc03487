// Domain constants shared by the server, the widget and the console.
// This file must stay free of zod (and of any runtime dependency) so the
// widget can import it without pulling a validator into its bundle.

export const MAX_MESSAGE_LENGTH = 5000;
export const MAX_NAME_LENGTH = 120;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_URL_LENGTH = 2048;

/** Largest page of messages a single sync returns; clients ask again while `hasMore`. */
export const SYNC_PAGE_SIZE = 500;

/** Socket.IO `maxHttpBufferSize`: a little over the longest legal message, so a flood is cut at the transport. */
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

export const AGENT_ROLES = ["agent", "supervisor", "admin"] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const CONVERSATION_STATUSES = ["queued", "active", "closed"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const AUTHOR_KINDS = ["visitor", "agent", "system"] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** Cookie that carries an agent's session; httpOnly, so console scripts never see it. */
export const AGENT_SESSION_COOKIE = "parley_session";

export const SOCKET_NAMESPACES = {
  visitor: "/visitor",
  agent: "/agent",
} as const;

/** How long a client waits for an ack before treating the send as failed and keeping it for a retry. */
export const ACK_TIMEOUT_MS = 10_000;
