// The Socket.IO contract, one map per direction and namespace.
// Every client→server event takes one payload (parsed by the schema in the
// matching `*EventSchemas` table) and an ack; the tables are typed against the
// maps, so an event without a schema does not compile.
import type { z } from "zod";
import type { Ack, AckCallback } from "./errors.ts";
import {
  AgentCreateInput,
  AgentUpdateInput,
  EmailRetryInput,
  type OutboxEmailDto,
  ProductsUpdateInput,
  SiteUpdateInput,
} from "./schemas/admin.ts";
import { AgentSyncInput, ConversationRef, EmptyInput } from "./schemas/agent.ts";
import { type ApiKeyCreatedDto, ApiKeyCreateInput, type ApiKeyDto, ApiKeyRef } from "./schemas/api-keys.ts";
import {
  CannedRef,
  type CannedResponseDto,
  CannedSaveInput,
  type CannedUseDto,
  CannedUseInput,
} from "./schemas/canned.ts";
import {
  type ReadMarkDto,
  ReadMarkInput,
  StaffTypingInput,
  type TypingDto,
  VisitorTypingInput,
} from "./schemas/chat-signals.ts";
import { CustomerSaveInput } from "./schemas/customers.ts";
import type {
  AgentDto,
  AgentNoticeDto,
  AvailabilityDto,
  ConversationDetailDto,
  ConversationSummaryDto,
  CustomerDto,
  MessageDto,
  MessagePageDto,
  OfflineRequestDto,
  QueueStatusDto,
  SiteSettingsDto,
  StatsDto,
  TeamMemberDto,
  TicketAlertDto,
  TicketDto,
  TicketEventDto,
  TicketMessageDto,
  VisitorConversationDto,
  VisitorTicketDto,
  WallAlertDto,
  WallChatDto,
  WallDto,
} from "./schemas/dto.ts";
import { type HistoryPageDto, HistorySearchInput, type VisitorHistoryDto } from "./schemas/history.ts";
import type { SiteIdentityDto } from "./schemas/identity.ts";
import {
  type ManualArticleDto,
  ManualOpenedInput,
  ManualSuggestInput,
  type ManualSuggestionDto,
  ManualsSaveInput,
} from "./schemas/manuals.ts";
import {
  MeetingAcceptInput,
  type MeetingDto,
  MeetingProposeInput,
  type TicketMeetingsDto,
} from "./schemas/meetings.ts";
import { MessageSendInput } from "./schemas/message.ts";
import { OfflineRequestInput } from "./schemas/offline.ts";
import { AgentResetPasswordInput } from "./schemas/password.ts";
import {
  type ChatRatingDto,
  type ConversationRatedDto,
  ConversationRateInput,
  TranscriptRequestInput,
} from "./schemas/ratings.ts";
import { AgentPrefsInput, PresenceSetInput, TransferInput } from "./schemas/routing.ts";
import { StatsInput, WhisperInput } from "./schemas/supervision.ts";
import {
  TicketActInput,
  TicketCreateInput,
  TicketEscalateInput,
  TicketListInput,
  TicketRef,
  TicketReplyInput,
  TicketRespondInput,
  VisitorTicketReplyInput,
} from "./schemas/tickets.ts";
import { ConversationStartInput, VisitorSyncInput } from "./schemas/visitor.ts";
import { ConversationCloseInput } from "./schemas/visitor-gone.ts";
import {
  WebhookCreateInput,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  WebhookRedeliverInput,
  WebhookRef,
  type WebhookSecretDto,
  WebhookUpdateInput,
} from "./schemas/webhooks.ts";

type Command<I, O> = (payload: I, ack: AckCallback<O>) => void;

// ---- /visitor namespace ----

export interface VisitorClientToServerEvents {
  "conversation:start": Command<ConversationStartInput, { conversation: VisitorConversationDto; message: MessageDto }>;
  "conversation:sync": Command<VisitorSyncInput, MessagePageDto<VisitorConversationDto | null>>;
  "message:send": Command<MessageSendInput, { message: MessageDto }>;
  // Typing and seen:
  /** Raises the visitor's read mark (`$max`); answers the mark as stored. Never a message. */
  "conversation:read": Command<ReadMarkInput, { seq: number }>;
  /** Relayed to the staff who opened the chat; never stored. */
  "typing:set": Command<VisitorTypingInput, Record<string, never>>;
  /** Whether a chat can start now, or when support opens; also pushed when it changes. */
  "site:availability": Command<EmptyInput, AvailabilityDto>;
  "offline:submit": Command<OfflineRequestInput, { reference: string }>;
  /** The visitor's own tickets, newest first. */
  "ticket:list": Command<EmptyInput, { tickets: VisitorTicketDto[] }>;
  /** One of the visitor's tickets with its replies (never staff notes). */
  "ticket:get": Command<TicketRef, { ticket: VisitorTicketDto; messages: TicketMessageDto[] }>;
  "ticket:reply": Command<VisitorTicketReplyInput, { message: TicketMessageDto }>;
  /** Confirm a resolution (closes the ticket) or reject it (reopens it). */
  "ticket:respond": Command<TicketRespondInput, { ticket: VisitorTicketDto }>;
  // Ratings and transcripts, once the chat ended:
  /** Rates the visitor's own closed chat, once; a retry of the same rating is answered with it. */
  "conversation:rate": Command<ConversationRateInput, { rating: ChatRatingDto }>;
  /** Emails the chat's transcript (never staff notes), once per chat; answers where it went. */
  "conversation:transcript": Command<TranscriptRequestInput, { sentTo: string }>;
  // Web conferences and manuals:
  /** The proposals on one of the visitor's own tickets. */
  "meeting:list": Command<TicketRef, { meetings: MeetingDto[] }>;
  /** Picks one proposed slot, once; both sides get the invite by email. */
  "meeting:accept": Command<MeetingAcceptInput, { meeting: MeetingDto }>;
  /** Manual articles matching what the visitor is typing, best first. */
  "manual:suggest": Command<ManualSuggestInput, { articles: ManualSuggestionDto[] }>;
  /** A suggested article opened while writing on one of the visitor's tickets: a line on its timeline, once. */
  "manual:opened": Command<ManualOpenedInput, Record<string, never>>;
}

export interface VisitorServerToClientEvents {
  "message:new": (message: MessageDto) => void;
  // Typing and seen:
  /** The staff side read up to `seq` (side "agent"). */
  "conversation:read": (mark: ReadMarkDto) => void;
  /** An agent started or stopped typing (never for notes). */
  "typing:updated": (typing: TypingDto) => void;
  "conversation:updated": (conversation: VisitorConversationDto) => void;
  /** Sent while the visitor's chat is queued: on every queue or team change, and after each sync. */
  "queue:updated": (status: QueueStatusDto) => void;
  "site:availability": (availability: AvailabilityDto) => void;
  "ticket:updated": (ticket: VisitorTicketDto) => void;
  /** A reply on one of the visitor's tickets (staff replies and their own, from another tab). */
  "ticket:message": (message: TicketMessageDto) => void;
  /** A web conference on one of the visitor's tickets was proposed or accepted. */
  "meeting:updated": (meeting: MeetingDto) => void;
}

// ---- /agent namespace (agents, supervisors, admins) ----

export interface AgentClientToServerEvents {
  "inbox:sync": Command<
    EmptyInput,
    { me: AgentDto; waiting: ConversationSummaryDto[]; mine: ConversationSummaryDto[] }
  >;
  "conversation:sync": Command<AgentSyncInput, MessagePageDto<ConversationDetailDto>>;
  "conversation:accept": Command<ConversationRef, { conversation: ConversationDetailDto }>;
  "conversation:close": Command<ConversationCloseInput, { conversation: ConversationDetailDto }>;
  "message:send": Command<MessageSendInput, { message: MessageDto }>;
  // Typing and seen:
  /** Raises the staff read mark; only the assignee or a joined participant may (a watching supervisor may not). */
  "conversation:read": Command<ReadMarkInput, { seq: number }>;
  /** Relayed to the visitor (unless `internal`) and to the other staff who opened the chat; never stored. */
  "typing:set": Command<StaffTypingInput, Record<string, never>>;
  /** Online, away or offline; only online agents are offered chats. */
  "presence:set": Command<PresenceSetInput, { me: AgentDto }>;
  // Ringing: the agent's own console settings.
  "me:prefs": Command<AgentPrefsInput, { me: AgentDto }>;
  /** Passes on a chat offered to this agent; it goes to the next agent and is not offered back. */
  "offer:decline": Command<ConversationRef, Record<string, never>>;
  "conversation:transfer": Command<TransferInput, { conversation: ConversationDetailDto }>;
  "team:list": Command<EmptyInput, { agents: TeamMemberDto[] }>;
  "site:get": Command<EmptyInput, { site: SiteSettingsDto }>;
  "offline:list": Command<EmptyInput, { requests: OfflineRequestDto[] }>;
  // Admins only:
  "agent:create": Command<AgentCreateInput, { agent: TeamMemberDto }>;
  "agent:update": Command<AgentUpdateInput, { agent: TeamMemberDto }>;
  /** Emails the agent a reset link and ends their sessions; their password works until they use the link. */
  "agent:reset-password": Command<AgentResetPasswordInput, { agent: TeamMemberDto }>;
  "products:update": Command<ProductsUpdateInput, { site: SiteSettingsDto }>;
  "site:update": Command<SiteUpdateInput, { site: SiteSettingsDto }>;
  /** Verified identity: the site's identity secret, made on first ask; never sent to widgets. */
  "site:identity": Command<EmptyInput, SiteIdentityDto>;
  /** A new identity secret: tokens signed with the old one stop verifying at once. */
  "site:identity-rotate": Command<EmptyInput, SiteIdentityDto>;
  // Tickets:
  "ticket:create": Command<TicketCreateInput, { ticket: TicketDto }>;
  "ticket:list": Command<TicketListInput, { tickets: TicketDto[] }>;
  "ticket:get": Command<TicketRef, { ticket: TicketDto; timeline: TicketEventDto[]; messages: TicketMessageDto[] }>;
  "ticket:act": Command<TicketActInput, { ticket: TicketDto }>;
  /** A reply to the customer, or an internal note. */
  "ticket:reply": Command<TicketReplyInput, { message: TicketMessageDto }>;
  "ticket:escalate": Command<TicketEscalateInput, { ticket: TicketDto }>;
  /** Every customer of the site (staff read; admins save), and the SLA plans they can be on. */
  "customer:list": Command<EmptyInput, { customers: CustomerDto[] }>;
  "customer:save": Command<CustomerSaveInput, { customer: CustomerDto }>;
  // History (closed chats): search, and a visitor's earlier chats and tickets.
  "history:search": Command<HistorySearchInput, HistoryPageDto>;
  "visitor:history": Command<ConversationRef, VisitorHistoryDto>;
  // Supervisors and admins only:
  "wall:sync": Command<EmptyInput, WallDto>;
  /** A note to the agent (and other staff) in any open chat; the visitor never receives it. */
  "conversation:whisper": Command<WhisperInput, { message: MessageDto }>;
  /** Barge in: join an active chat and reply in it as yourself; the visitor is told who joined. */
  "conversation:join": Command<ConversationRef, { conversation: ConversationDetailDto }>;
  "stats:get": Command<StatsInput, { stats: StatsDto }>;
  /** Admins: the site's emails not delivered yet (waiting for a retry, or given up). */
  "email:outbox": Command<EmptyInput, { emails: OutboxEmailDto[] }>;
  "email:retry": Command<EmailRetryInput, { emails: OutboxEmailDto[] }>;
  // Canned responses; every staff member, the handlers check whose reply it is:
  /** The site-wide replies and the caller's personal ones. */
  "canned:list": Command<EmptyInput, { responses: CannedResponseDto[] }>;
  /** Create (no id) or edit: site-wide ones by admins, personal ones by their owner. */
  "canned:save": Command<CannedSaveInput, { response: CannedResponseDto }>;
  "canned:delete": Command<CannedRef, { id: string }>;
  /** The reply's text with placeholders filled for a chat the caller may reply in; counts one use. */
  "canned:use": Command<CannedUseInput, CannedUseDto>;
  // REST API keys, admins only:
  "api-key:list": Command<EmptyInput, { keys: ApiKeyDto[] }>;
  /** The answer carries the secret; it is never shown again. */
  "api-key:create": Command<ApiKeyCreateInput, ApiKeyCreatedDto>;
  /** The key stops working at once; it stays listed as revoked. */
  "api-key:revoke": Command<ApiKeyRef, { key: ApiKeyDto }>;
  // Web conferences and manuals:
  /** A ticket's web-conference proposals, and the customer's reported time zone. */
  "meeting:list": Command<TicketRef, TicketMeetingsDto>;
  /** Proposes slots (inside support hours) and a meeting link; replaces a proposal not answered yet. */
  "meeting:propose": Command<MeetingProposeInput, { meeting: MeetingDto }>;
  /** The site's manual articles (every staff member reads; admins save). */
  "manuals:list": Command<EmptyInput, { articles: ManualArticleDto[] }>;
  "manuals:save": Command<ManualsSaveInput, { articles: ManualArticleDto[] }>;
  // Webhooks, admins only:
  "webhook:list": Command<EmptyInput, { endpoints: WebhookEndpointDto[] }>;
  /** Answers the new endpoint's secret: shown this once. */
  "webhook:create": Command<WebhookCreateInput, WebhookSecretDto>;
  "webhook:update": Command<WebhookUpdateInput, { endpoint: WebhookEndpointDto }>;
  "webhook:delete": Command<WebhookRef, { id: string }>;
  /** A new secret, in use from the next attempt on; answered this once. */
  "webhook:rotate-secret": Command<WebhookRef, WebhookSecretDto>;
  /** The endpoint's latest deliveries, newest first. */
  "webhook:deliveries": Command<WebhookRef, { deliveries: WebhookDeliveryDto[] }>;
  /** Sends a delivery again now (delivered, failed or waiting); answers it after that attempt. */
  "webhook:redeliver": Command<WebhookRedeliverInput, { delivery: WebhookDeliveryDto }>;
  /** Sends a `webhook.ping` event to the endpoint now; answers its delivery after the attempt. */
  "webhook:ping": Command<WebhookRef, { delivery: WebhookDeliveryDto }>;
}

export interface AgentServerToClientEvents {
  "message:new": (message: MessageDto) => void;
  // Typing and seen:
  /** A read mark of a chat rose: the visitor's (to staff who opened the chat), or the staff's (to them too). */
  "conversation:read": (mark: ReadMarkDto) => void;
  /** The visitor (or a colleague) started or stopped typing in a chat this socket opened. */
  "typing:updated": (typing: TypingDto) => void;
  /** Also carries offers: a summary whose `offer.agent` is you is ringing you. */
  "conversation:updated": (conversation: ConversationSummaryDto) => void;
  /** A colleague's status, load, capacity, products or role changed (or your own). */
  "agent:updated": (agent: TeamMemberDto) => void;
  "offline:created": (request: OfflineRequestDto) => void;
  "site:updated": (site: SiteSettingsDto) => void;
  "ticket:updated": (ticket: TicketDto) => void;
  /** Replies and notes, to the site's staff. */
  "ticket:message": (message: TicketMessageDto) => void;
  /** At risk, breached, escalated: to supervisors and admins, and to the ticket's assignee. */
  "ticket:alert": (alert: TicketAlertDto) => void;
  "customer:updated": (customer: CustomerDto) => void;
  /** To supervisors and admins: a chat on the wall changed (new, assigned, message, closed). */
  "wall:chat": (chat: WallChatDto) => void;
  /** To supervisors and admins: a chat alert was raised or cleared. */
  "wall:alert": (alert: WallAlertDto) => void;
  // Canned responses: site-wide ones to the site's staff, personal ones to their owner's sockets only.
  "canned:updated": (response: CannedResponseDto) => void;
  "canned:deleted": (ref: { id: string; scope: CannedResponseDto["scope"] }) => void;
  // Ringing: to one agent's own tabs, e.g. why routing set them to Away.
  "agent:notice": (notice: AgentNoticeDto) => void;
  // Ratings: to the staff who have the chat open.
  "conversation:rated": (rated: ConversationRatedDto) => void;
  // Web conferences: to the site's staff.
  "meeting:updated": (meeting: MeetingDto) => void;
}

// ---- runtime schema tables ----

type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;
type SchemaTable<Events> = {
  [K in keyof Events]: z.ZodType<CommandPayload<Events, K>, unknown>;
};

export const visitorEventSchemas = {
  "conversation:start": ConversationStartInput,
  "conversation:sync": VisitorSyncInput,
  "message:send": MessageSendInput,
  // Typing and seen:
  "conversation:read": ReadMarkInput,
  "typing:set": VisitorTypingInput,
  "site:availability": EmptyInput,
  "offline:submit": OfflineRequestInput,
  "ticket:list": EmptyInput,
  "ticket:get": TicketRef,
  "ticket:reply": VisitorTicketReplyInput,
  "ticket:respond": TicketRespondInput,
  // Ratings and transcripts:
  "conversation:rate": ConversationRateInput,
  "conversation:transcript": TranscriptRequestInput,
  // Web conferences and manuals:
  "meeting:list": TicketRef,
  "meeting:accept": MeetingAcceptInput,
  "manual:suggest": ManualSuggestInput,
  "manual:opened": ManualOpenedInput,
} satisfies SchemaTable<VisitorClientToServerEvents>;

export const agentEventSchemas = {
  "inbox:sync": EmptyInput,
  "conversation:sync": AgentSyncInput,
  "conversation:accept": ConversationRef,
  "conversation:close": ConversationCloseInput,
  "message:send": MessageSendInput,
  // Typing and seen:
  "conversation:read": ReadMarkInput,
  "typing:set": StaffTypingInput,
  "presence:set": PresenceSetInput,
  // Ringing
  "me:prefs": AgentPrefsInput,
  "offer:decline": ConversationRef,
  "conversation:transfer": TransferInput,
  "team:list": EmptyInput,
  "site:get": EmptyInput,
  "offline:list": EmptyInput,
  "agent:create": AgentCreateInput,
  "agent:update": AgentUpdateInput,
  "agent:reset-password": AgentResetPasswordInput,
  "products:update": ProductsUpdateInput,
  "site:update": SiteUpdateInput,
  "site:identity": EmptyInput,
  "site:identity-rotate": EmptyInput,
  "ticket:create": TicketCreateInput,
  "ticket:get": TicketRef,
  "ticket:list": TicketListInput,
  "ticket:act": TicketActInput,
  "ticket:reply": TicketReplyInput,
  "ticket:escalate": TicketEscalateInput,
  "customer:list": EmptyInput,
  "customer:save": CustomerSaveInput,
  // History (closed chats): search, and a visitor's earlier chats and tickets.
  "history:search": HistorySearchInput,
  "visitor:history": ConversationRef,
  "wall:sync": EmptyInput,
  "conversation:whisper": WhisperInput,
  "conversation:join": ConversationRef,
  "stats:get": StatsInput,
  "email:outbox": EmptyInput,
  "email:retry": EmailRetryInput,
  // Canned responses:
  "canned:list": EmptyInput,
  "canned:save": CannedSaveInput,
  "canned:delete": CannedRef,
  "canned:use": CannedUseInput,
  // REST API keys:
  "api-key:list": EmptyInput,
  "api-key:create": ApiKeyCreateInput,
  "api-key:revoke": ApiKeyRef,
  // Web conferences and manuals:
  "meeting:list": TicketRef,
  "meeting:propose": MeetingProposeInput,
  "manuals:list": EmptyInput,
  "manuals:save": ManualsSaveInput,
  // Webhooks:
  "webhook:list": EmptyInput,
  "webhook:create": WebhookCreateInput,
  "webhook:update": WebhookUpdateInput,
  "webhook:delete": WebhookRef,
  "webhook:rotate-secret": WebhookRef,
  "webhook:deliveries": WebhookRef,
  "webhook:redeliver": WebhookRedeliverInput,
  "webhook:ping": WebhookRef,
} satisfies SchemaTable<AgentClientToServerEvents>;

/** The `data` type an event's ack carries on success. */
export type AckData<Events, K extends keyof Events> = Events[K] extends Command<never, infer O> ? O : never;

/** The payload an event takes. */
export type CommandPayload<Events, K extends keyof Events> = PayloadOf<Events[K]>;

/**
 * What `socket.timeout(ms)` is for one of the maps above. socket.io's typings work an event's parameters
 * out from its name, which they cannot do for a generic name, so each client's one typed call helper
 * views its timed socket as this (and nothing else casts around timeout()).
 */
export interface TimedCommands<Events> {
  emitWithAck<K extends keyof Events & string>(
    event: K,
    payload: CommandPayload<Events, K>,
  ): Promise<Ack<AckData<Events, K>>>;
  emit<K extends keyof Events & string>(
    event: K,
    payload: CommandPayload<Events, K>,
    ack: (err: Error | null, reply: Ack<AckData<Events, K>>) => void,
  ): unknown;
}
