import type { IncomingHttpHeaders } from "node:http";
import type { AttachmentUploadQuery } from "@parley/shared";
import { OpaqueToken, SiteKey } from "@parley/shared";
import { VISITOR_SITE_HEADER } from "@parley/shared/constants";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { resolveAgentSession } from "../agents/agent-sessions.ts";
import { sessionTokenFromCookieHeader } from "../agents/session-cookie.ts";
import type { AttachmentDoc } from "../attachments/attachment.model.ts";
import type { ServerOrigins } from "../config/server-origins.ts";
import { staffConversation, visitorConversation } from "../conversations/conversation-access.ts";
import { findConversation } from "../conversations/conversation-archive.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { requireVerifiedSession } from "../identity/identity-policy.ts";
import { effectiveOrigin, isOriginAllowed } from "../sites/origin-policy.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { cachedSiteByKey } from "../sites/site-cache.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { Visitor, type VisitorDoc } from "../visitors/visitor.model.ts";
import { visitorOfToken } from "../visitors/visitor-auth.ts";

/** Who is calling: a signed-in staff member (session cookie), or a widget visitor (bearer token). */
export type Caller = { kind: "staff"; agent: AgentDoc } | { kind: "visitor"; visitor: VisitorDoc; site: SiteDoc };

/** A visitor's site and the origin their request speaks for, once that origin is known to be allowed. */
export interface VisitorSite {
  site: SiteDoc;
  origin: string;
}

/** True when the request carries a bearer token: the widget's way in (staff use the cookie). */
export const isVisitorRequest = (headers: IncomingHttpHeaders): boolean => headers.authorization !== undefined;

/**
 * The site named in `X-Parley-Site`, if the request's origin may embed its widget. Browsers always send
 * Origin on the widget's cross-origin fetches; without one it is a same-origin page of this server, while
 * `Origin: null` (a sandboxed frame) is allowed only by a site that lists "null" (origin-policy.ts).
 */
export async function visitorSite(headers: IncomingHttpHeaders, origins: ServerOrigins): Promise<VisitorSite> {
  const key = SiteKey.safeParse(headers[VISITOR_SITE_HEADER.toLowerCase()]);
  if (!key.success) throw new AppError("UNAUTHENTICATED", `Send the site key in ${VISITOR_SITE_HEADER}`);
  const site = await cachedSiteByKey(key.data);
  if (!site) throw new AppError("UNAUTHENTICATED", "Unknown site key");
  const origin = effectiveOrigin(headers.origin, origins.primary);
  if (!isOriginAllowed(site, origin)) {
    throw new AppError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not embed this site's widget`);
  }
  return { site, origin };
}

/** The visitor behind `Authorization: Bearer <visitorToken>`, who must belong to `site`. */
export async function visitorCaller(headers: IncomingHttpHeaders, site: SiteDoc): Promise<Caller> {
  const match = /^Bearer (.+)$/.exec(headers.authorization ?? "");
  const token = OpaqueToken.safeParse(match?.[1]);
  if (!token.success) throw new AppError("UNAUTHENTICATED", "Send the visitor token as a Bearer token");
  const ref = await visitorOfToken(token.data, site);
  const visitor = ref && (await Visitor.findById(ref._id).lean<VisitorDoc>());
  if (!visitor) throw new AppError("UNAUTHENTICATED", "Unknown visitor session");
  requireVerifiedSession(site, ref.verified);
  return { kind: "visitor", visitor, site };
}

/** The staff member behind the session cookie. The cookie must not work from another origin's page. */
export async function staffCaller(headers: IncomingHttpHeaders, origins: ServerOrigins): Promise<Caller> {
  if (headers.origin && !origins.all.includes(headers.origin)) {
    throw new AppError("ORIGIN_NOT_ALLOWED", "The console must be opened from this server's origin");
  }
  const token = sessionTokenFromCookieHeader(headers.cookie);
  if (!token) throw new AppError("UNAUTHENTICATED", "Sign in first");
  const agent = await resolveAgentSession(token);
  if (!agent) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again");
  return { kind: "staff", agent };
}

/** Where an upload goes, once the caller may add files there. */
export interface UploadPlace {
  site: Types.ObjectId;
  conversation: Types.ObjectId | null;
  ticket: Types.ObjectId | null;
}

/**
 * Checks the caller may add a file to the chat or ticket named in the query:
 * - a chat: staff as if replying (its assignee, while it is open; conversation-access.ts "reply");
 *   a visitor only to their own chat, and not once it is closed (CONVERSATION_CLOSED);
 * - a ticket: any staff member of its site (the ticket desk is shared by the site's staff); a visitor only
 *   to their own ticket; nobody once it is closed (CONFLICT).
 * Chats and tickets of other sites or other visitors are NOT_FOUND.
 */
export async function uploadPlace(caller: Caller, query: AttachmentUploadQuery): Promise<UploadPlace> {
  const site = caller.kind === "staff" ? caller.agent.site : caller.site._id;
  if (query.conversationId !== undefined) {
    const id = toObjectId(query.conversationId);
    if (caller.kind === "staff") {
      const c = await staffConversation(caller.agent, id, "reply");
      return { site, conversation: c._id, ticket: null };
    }
    const c = await visitorConversation(caller.visitor, id);
    if (!c?.site.equals(site)) throw new AppError("NOT_FOUND", "Conversation not found");
    if (c.status === "closed") throw new AppError("CONVERSATION_CLOSED", "This conversation is closed");
    return { site, conversation: c._id, ticket: null };
  }
  const ticketId = toObjectId(query.ticketId ?? "");
  const ticket = await Ticket.findOne({
    _id: ticketId,
    site,
    ...(caller.kind === "visitor" ? { visitor: caller.visitor._id } : {}),
  }).lean<TicketDoc>();
  if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  if (ticket.status === "closed") throw new AppError("CONFLICT", "This ticket is closed");
  return { site, conversation: null, ticket: ticket._id };
}

/**
 * Whether the caller may download the file. Staff: of its site, and for a chat's file the chat must be one
 * they may view (conversation-access.ts "view": supervisors and admins all, agents the queue and their own)
 * or one a ticket was made from (tickets are visible to all of the site's staff, and keep the chat's
 * transcript linked); for a ticket's file any staff member of the site. A visitor: only files of their
 * own chat or ticket, open or closed; of a ticket only those shared with them (their own uploads, and
 * files of replies to them, never of internal notes: attachment.model.ts `customerVisible`).
 */
export async function mayDownload(caller: Caller, file: AttachmentDoc): Promise<boolean> {
  const site = caller.kind === "staff" ? caller.agent.site : caller.site._id;
  if (!file.site.equals(site)) return false;
  if (caller.kind === "visitor") {
    const own = { visitor: caller.visitor._id, site };
    if (file.conversation) {
      const c = await findConversation(file.conversation);
      return c?.visitor.equals(own.visitor) === true && c.site.equals(site);
    }
    if (file.ticket) return file.customerVisible && (await Ticket.exists({ _id: file.ticket, ...own })) !== null;
    return false;
  }
  if (file.ticket) return true;
  if (!file.conversation) return false;
  try {
    await staffConversation(caller.agent, file.conversation, "view");
    return true;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (await Ticket.exists({ conversation: file.conversation, site })) !== null;
  }
}
