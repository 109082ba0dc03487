import { z } from "zod";
import { IdentityToken } from "./identity.ts";
import {
  ClientMsgId,
  Email,
  Environment,
  MessageBody,
  ObjectIdString,
  OpaqueToken,
  PersonName,
  Seq,
  SiteKey,
} from "./primitives.ts";
import { ProductId } from "./products.ts";

/**
 * POST /api/widget/session. `identityToken`: the host page vouches for a signed-in user; the session is
 * then that user's, the same on every device (answered `verified: true`).
 */
export const VisitorSessionRequest = z.strictObject({ siteKey: SiteKey, identityToken: IdentityToken.optional() });
export type VisitorSessionRequest = z.infer<typeof VisitorSessionRequest>;

// Always reachable:
/** POST /api/widget/reopen: the token from a "reply while you were away" email's `#parley=` link. */
export const VisitorReopenRequest = z.strictObject({ siteKey: SiteKey, reopenToken: OpaqueToken });
export type VisitorReopenRequest = z.infer<typeof VisitorReopenRequest>;

/** Socket.IO handshake `auth` of the /visitor namespace. */
export const VisitorHandshake = z.strictObject({ siteKey: SiteKey, visitorToken: OpaqueToken });
export type VisitorHandshake = z.infer<typeof VisitorHandshake>;

export const ConversationStartInput = z.strictObject({
  clientMsgId: ClientMsgId,
  name: PersonName,
  email: Email.optional(),
  body: MessageBody,
  environment: Environment,
  /** The product the visitor needs help with, if the site lists products; routing prefers its agents. */
  product: ProductId.optional(),
  // Always reachable:
  /** Outside support hours the visitor chose to leave a message in the chat; it waits in the queue until answered. */
  afterHours: z.literal(true).optional(),
});
export type ConversationStartInput = z.infer<typeof ConversationStartInput>;

export const VisitorSyncInput = z.strictObject({
  /** Omitted on a fresh page load: the server picks the visitor's latest conversation. */
  conversationId: ObjectIdString.optional(),
  afterSeq: Seq,
});
export type VisitorSyncInput = z.infer<typeof VisitorSyncInput>;
