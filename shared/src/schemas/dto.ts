// Shapes the server sends. They are TypeScript types only: the server builds them
// from validated database documents, so clients need no runtime validator.
import type {
  AgentRole,
  AgentStatus,
  AssignmentMode,
  AuthorKind,
  CloseReason,
  ConversationStatus,
  Priority,
} from "../constants.ts";
import type { CustomerContact, CustomerProduct } from "./customers.ts";
import type { OpenedManualDto } from "./manuals.ts";
import type { Environment } from "./primitives.ts";
import type { Product } from "./products.ts";
import type { ChatRatingDto, SatisfactionDto } from "./ratings.ts";
import type { TicketSettings } from "./sla.ts";
import type { StatsRange, SupervisionSettings } from "./supervision.ts";
import type { SupportCalendar } from "./support-hours.ts";
import type { MissingField, TicketChannel, TicketFields, TicketStatus } from "./tickets.ts";
import type { VisitorGoneSettings } from "./visitor-gone.ts";
import type { WidgetSettings } from "./widget-settings.ts";

export interface AuthorDto {
  kind: AuthorKind;
  /** Agent id for agent messages; absent for visitors so agents' ids are not the visitor's business. */
  id?: string;
  name: string;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  seq: number;
  clientMsgId: string;
  author: AuthorDto;
  body: string;
  createdAt: string;
  /** Staff-only (a transfer note): never sent to the visitor. */
  internal: boolean;
  attachments: AttachmentDto[];
}

/** A stored file (log, screenshot). Download from `url` with the same credentials as the upload. */
export interface AttachmentDto {
  id: string;
  /** The name it was uploaded with (display only; it is stored under a random name). */
  name: string;
  /** What the content turned out to be, e.g. "image/png", "text/plain". */
  contentType: string;
  size: number;
  /** Path on the server: `${ATTACHMENTS_PATH}/${id}`. */
  url: string;
  createdAt: string;
}

export interface AgentRefDto {
  id: string;
  name: string;
}

/** What a visitor may know about their own conversation. */
export interface VisitorConversationDto {
  id: string;
  status: ConversationStatus;
  /** Only the agent's display name: visitors never see staff ids or emails. */
  assigneeName: string | null;
  lastSeq: number;
  createdAt: string;
  /** Highest seq the staff side has read: the widget shows "Seen" up to it. */
  agentReadSeq: number;
  /** The visitor gave an email: a reply while they are away reaches them there too (always reachable). */
  replyByEmail: boolean;
  /** Once the chat ended: the visitor's rating, if they gave one. */
  rating: ChatRatingDto | null;
  /** Once the chat ended: its transcript was emailed (one per chat). */
  transcriptSent: boolean;
}

/** Where a waiting visitor stands; pushed as `queue:updated` whenever the queue or the team changes. */
export interface QueueStatusDto {
  conversationId: string;
  /** 1 = next in line. */
  position: number;
  /** Rough wait from recent handling times and the agents online; null while nobody is online. */
  estimatedWaitSeconds: number | null;
  agentsOnline: number;
}

/** Whether the widget should offer a chat or the offline form. */
export interface AvailabilityDto {
  /** Inside the site's support hours now. */
  open: boolean;
  /** At least one agent is online (not away). */
  agentsOnline: boolean;
  /**
   * A new chat can start now: inside support hours, whether or not an agent is online (it waits in the queue
   * and is offered when one comes online). Outside hours only a start with `afterHours` is admitted.
   */
  acceptingChats: boolean;
  /** When support hours next begin (now, if open); null if the calendar has no opening within a year. */
  nextOpeningAt: string | null;
  /** When the current opening ends, if open and within a week (an always-open site has none). */
  closesAt: string | null;
  timeZone: string;
  products: Product[];
}

/** A pending offer: the chat rings this agent until `expiresAt`. */
export interface OfferDto {
  agent: AgentRefDto;
  expiresAt: string;
}

/** A row in the console's inbox lists. */
export interface ConversationSummaryDto {
  id: string;
  status: ConversationStatus;
  visitorName: string;
  assignee: AgentRefDto | null;
  offer: OfferDto | null;
  product: string | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  /** The visitor's first message, cut to MAX_PREVIEW_LENGTH: what the ringing card shows. */
  preview: string | null;
  /** The latest message anyone could see in the chat (never an internal note), cut to MAX_PREVIEW_LENGTH. */
  lastMessage: LastMessageDto | null;
  /**
   * Highest seq each side has read. Unread for staff is `lastSeq - readSeq.agent`: every message after the mark
   * (notes and Parley's lines too), since one's own messages raise one's own mark as they are stored.
   */
  readSeq: { visitor: number; agent: number };
  lastVisitorMessageAt: string | null;
  lastAgentMessageAt: string | null;
  /** Set while the visitor has been disconnected long enough to count as gone ("Visitor left"); null otherwise. */
  visitorLeftAt: string | null;
  /**
   * Started outside support hours as a message left in the chat ("Left after hours"): the visitor is not waiting
   * live, and is answered in the chat and, if they left an email, by email.
   */
  leftMessage: boolean;
}

export interface LastMessageDto {
  seq: number;
  authorKind: AuthorKind;
  body: string;
  at: string;
}

/** What staff see when they open a conversation. */
export interface ConversationDetailDto extends ConversationSummaryDto {
  visitor: { name: string; email: string | null };
  environment: Environment | null;
  closedAt: string | null;
  closeReason: CloseReason | null;
  /** The visitor's rating once the chat ended; null until they give one. */
  rating: ChatRatingDto | null;
}

export interface AgentDto {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  status: AgentStatus;
  capacity: number;
  products: string[];
  /** The agent's own setting: the console chimes when a chat rings them (harmless on team lists). */
  notifySound: boolean;
}

/**
 * Told to one agent's console tabs only (`agent:notice`): why something happened to them that they did not do.
 * `offer-missed`: a chat rang them for `ringSeconds` without an answer, so routing set them to Away.
 */
export interface AgentNoticeDto {
  kind: "offer-missed";
  conversationId: string;
  ringSeconds: number;
  at: string;
}

/** A colleague as the team list shows them: transfer targets, supervisors' view, admin page. */
export interface TeamMemberDto extends AgentDto {
  disabled: boolean;
  /** Chats owned plus offers ringing: what counts against capacity. */
  load: number;
}

/** A site's settings as staff read them (`site:get`) and admins edit them. */
export interface SiteSettingsDto {
  key: string;
  name: string;
  assignmentMode: AssignmentMode;
  offerTimeoutSeconds: number;
  supportHours: SupportCalendar;
  products: Product[];
  tickets: TicketSettings;
  supervision: SupervisionSettings;
  /** Visitor gone. */
  visitorGone: VisitorGoneSettings;
  /** The widget's theme, proactive greeting and unread sound. */
  widget: WidgetSettings;
  /** Verified identity: widget sessions need a valid identity token. The secret is never here. */
  requireVerifiedIdentity: boolean;
}

/** A request left through the offline form; the tickets work turns these into tickets. */
export interface OfflineRequestDto {
  id: string;
  /** Shown to the visitor as their acknowledgement, e.g. "REQ-7K3M9Q". */
  reference: string;
  name: string;
  email: string;
  priority: Priority;
  product: string | null;
  details: string;
  createdAt: string;
  /** Manual articles suggested to the visitor that they opened before sending. */
  manualsOpened?: OpenedManualDto[];
}

export interface MessagePageDto<C> {
  conversation: C;
  /** Messages with seq greater than the requested `afterSeq`, ascending. */
  messages: MessageDto[];
  /** More messages exist past the last one returned; ask again from its seq. */
  hasMore: boolean;
}

export interface SlaReadingDto {
  state: "running" | "at_risk" | "breached" | "paused" | "met";
  /** Null while paused (it depends on when the customer answers) and once met. */
  dueAt: string | null;
  usedMs: number;
  leftMs: number;
}

/**
 * Whether the customer's product is covered: free until 60 days after its final release, then
 * only with paid support. "unknown": no customer record links the requester's email to the product.
 */
export type EntitlementDto =
  | { kind: "free"; until: string }
  | { kind: "paid"; until: string }
  | { kind: "none"; freeEndedAt: string }
  | { kind: "unknown"; reason: string };

export interface EscalationDto {
  at: string;
  /** True when the server escalated on an SLA breach. */
  automatic: boolean;
  by: string;
  reason: string;
  /** A number to reach the customer on; null for automatic escalations. */
  phone: string | null;
}

export interface TicketDto {
  id: string;
  /** Human-readable, per site: "T-1001". */
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  requester: { name: string; email: string | null };
  customer: { id: string; name: string } | null;
  entitlement: EntitlementDto;
  /** Created without entitlement (kind "none" or "unknown"): shown as a flag on the list and the page. */
  flagged: boolean;
  conversationId: string | null;
  offlineRequestId: string | null;
  /** Where it came from: a chat, an offline request, or an email. */
  channel: TicketChannel;
  /**
   * Emailed in by an address that is no customer's contact: anyone can put any address in From, so staff check
   * who it is before sharing anything.
   */
  unverifiedSender: boolean;
  /** Its priority was not stated (an email without "[High]" and the like): medium until someone triages it. */
  needsTriage: boolean;
  /** The staff member who liaises with the customer until closure. */
  assignee: AgentRefDto | null;
  fields: TicketFields;
  /** What the ticket still lacks for its priority, worded for the form. */
  missing: MissingField[];
  sla: { planId: string; planName: string; response: SlaReadingDto; workaround: SlaReadingDto | null };
  escalation: EscalationDto | null;
  resolvedAt: string | null;
  /** When a resolved ticket closes itself if the customer does not answer. */
  autoCloseAt: string | null;
  closedAt: string | null;
  /** Every file on the ticket (from replies, notes and the customer). */
  attachments: AttachmentDto[];
  createdAt: string;
  updatedAt: string;
}

/** A reply on a ticket (customer or staff), or a staff note (`internal`, never sent to the customer). */
export interface TicketMessageDto {
  id: string;
  ticketId: string;
  clientMsgId: string;
  author: { kind: "staff" | "customer"; name: string };
  body: string;
  internal: boolean;
  attachments: AttachmentDto[];
  createdAt: string;
}

/** What the visitor sees of their own ticket in the widget: no internal fields, no staff ids. */
export interface VisitorTicketDto {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  assigneeName: string | null;
  /** The first-response target: when it is due (null once met or while waiting on them) and whether met. */
  response: { dueAt: string | null; met: boolean };
  /** The workaround target, where the plan sets one. */
  workaround: { dueAt: string | null; met: boolean } | null;
  autoCloseAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Pushed to supervisors and admins (and the assignee) when a ticket needs a lead's attention. */
export interface TicketAlertDto {
  ticketId: string;
  number: string;
  subject: string;
  kind: "at_risk" | "breached" | "escalated";
  /** Which target, for at_risk and breached. */
  target: "response" | "workaround" | null;
  at: string;
  /** What happened, to follow the ticket's number and subject: "Breached the first-response target". */
  text: string;
}

export interface CustomerDto {
  id: string;
  name: string;
  contacts: CustomerContact[];
  products: CustomerProduct[];
  slaPlanId: string;
}

/** One line of a ticket's timeline: who changed what, and when. */
export interface TicketEventDto {
  at: string;
  actor: { kind: "staff" | "customer" | "system"; name: string };
  type: "created" | "status" | "reply" | "note" | "escalated" | "sla" | "attachment" | "meeting" | "manual";
  from: TicketStatus | null;
  to: TicketStatus | null;
  /** What happened, without the actor ("changed the status from open to resolved"): shown after `actor.name`. */
  text: string;
}

// ---- Supervision ----

/** A queued or active chat as the supervisors' wall shows it. */
export interface WallChatDto {
  id: string;
  status: ConversationStatus;
  visitorName: string;
  product: string | null;
  assignee: AgentRefDto | null;
  /** Supervisors who joined the chat and reply in it as themselves. */
  participants: AgentRefDto[];
  /** The agent a queued chat is ringing. */
  offeredTo: AgentRefDto | null;
  createdAt: string;
  /** When the chat was accepted; null while queued. */
  assignedAt: string | null;
  firstAgentReplyAt: string | null;
  lastVisitorMessageAt: string | null;
  lastAgentMessageAt: string | null;
  closedAt: string | null;
  /** See ConversationSummaryDto.visitorLeftAt. */
  visitorLeftAt: string | null;
}

/** The ticket made from a chat on the wall, with its SLA states (kept live from `ticket:updated`). */
export interface WallTicketDto {
  id: string;
  number: string;
  conversationId: string;
  priority: Priority;
  status: TicketStatus;
  response: SlaReadingDto["state"];
  workaround: SlaReadingDto["state"] | null;
}

/** A chat that needs a lead's eye; `active: false` says it no longer does (answered, taken, closed). */
export interface WallAlertDto {
  /** Stable per chat and kind, e.g. "queue_wait:<conversationId>". */
  id: string;
  kind: "queue_wait" | "unanswered";
  conversationId: string;
  visitorName: string;
  /** Since when the visitor has been waiting. */
  since: string;
  text: string;
  active: boolean;
}

/** `wall:sync`: the whole floor now; after that `wall:chat`, `wall:alert`, `agent:updated` and `ticket:updated` keep it live. */
export interface WallDto {
  chats: WallChatDto[];
  tickets: WallTicketDto[];
  agents: TeamMemberDto[];
  alerts: WallAlertDto[];
  settings: SupervisionSettings;
  /** The server's clock when the snapshot was taken, so waits read the same on every console. */
  serverTime: string;
}

export interface StatsDayDto {
  /** Local date in the site's time zone, "2026-11-30". */
  date: string;
  started: number;
  answered: number;
  missed: number;
  abandoned: number;
  /** Ratings of the day's chats. */
  satisfaction: SatisfactionDto;
}

/** `stats:get`: the figures of a range, computed by the server from stored chats and tickets. */
export interface StatsDto {
  range: StatsRange;
  timeZone: string;
  from: string;
  to: string;
  chats: { started: number; answered: number; missed: number; abandoned: number; waiting: number };
  /** Seconds from the chat's start to the first agent reply, over answered chats; null without any. */
  firstReplyWaitSeconds: { median: number; p90: number } | null;
  /** Seconds from start to close, over closed chats; null without any. */
  medianDurationSeconds: number | null;
  perAgent: { agent: AgentRefDto; chats: number; satisfaction: SatisfactionDto }[];
  ticketsByPriority: Record<Priority, number>;
  /** Share of decided targets met on time, 0-100; null when none was decided in the range. */
  slaCompliance: { response: number | null; workaround: number | null };
  /** One entry per day of the range, oldest first (the chart). */
  days: StatsDayDto[];
  /** The visitors' ratings of the range's chats, by the day each chat started. */
  satisfaction: SatisfactionDto;
}
