import type { Types } from "mongoose";

type Id = Types.ObjectId | string;
const hex = (id: Id): string => (typeof id === "string" ? id : id.toHexString());

/** Room names, in one place so emitters and joiners cannot drift apart. */
export const rooms = {
  /** Staff sockets of a site: inbox updates. */
  siteStaff: (siteId: Id) => `site:${hex(siteId)}`,
  /** Supervisors' and admins' sockets of a site: the wall. */
  siteLeads: (siteId: Id) => `site-leads:${hex(siteId)}`,
  /** Staff sockets that opened a conversation. */
  conversation: (conversationId: Id) => `conv:${hex(conversationId)}`,
  /** Every visitor socket on a site: availability changes. */
  siteVisitors: (siteId: Id) => `site-visitors:${hex(siteId)}`,
  /** Every socket of one visitor (tabs, pages). */
  visitor: (visitorId: Id) => `visitor:${hex(visitorId)}`,
  /** Every socket of one staff member. */
  agent: (agentId: Id) => `agent:${hex(agentId)}`,
  /** Sockets opened with one session cookie, cut on logout. */
  agentSession: (tokenHash: string) => `session:${tokenHash}`,
};
