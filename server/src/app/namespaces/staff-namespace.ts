import { type AgentClientToServerEvents, agentEventSchemas } from "@parley/shared";
import type { Types } from "mongoose";
import { agentPrefsHandlers } from "../../agents/agent-prefs-handlers.ts";
import { resolveAgentSessionByHash } from "../../agents/agent-sessions.ts";
import { passwordAdminHandlers } from "../../agents/password-admin-handlers.ts";
import type { PasswordResets } from "../../agents/password-resets.ts";
import { isLead } from "../../agents/roles.ts";
import { sessionTokenFromCookieHeader } from "../../agents/session-cookie.ts";
import { mayRun } from "../../agents/staff-command-roles.ts";
import type { StaffContext } from "../../agents/staff-context.ts";
import { apiKeyHandlers } from "../../api-keys/api-key-handlers.ts";
import { cannedHandlers } from "../../canned/canned-handlers.ts";
import { staffSignalHandlers } from "../../conversations/chat-signal-handlers.ts";
import { staffHandlers } from "../../conversations/staff-handlers.ts";
import { customerHandlers } from "../../customers/customer-handlers.ts";
import type { EmailOutbox } from "../../email/email-outbox.ts";
import { AppError } from "../../errors/app-error.ts";
import { type HistoryOptions, historyHandlers } from "../../history/history-handlers.ts";
import { identityHandlers } from "../../identity/identity-handlers.ts";
import type { Logger } from "../../logging/logger.ts";
import { manualStaffHandlers } from "../../manuals/manual-handlers.ts";
import type { MeetingDesk } from "../../meetings/meeting-desk.ts";
import { meetingHandlers } from "../../meetings/meeting-handlers.ts";
import { offlineStaffHandlers } from "../../offline/offline-handlers.ts";
import { type CommandOutcome, CommandTable, handlersOf, serves } from "../../realtime/command-registry.ts";
import { authenticateHandshake } from "../../realtime/handshake.ts";
import type { InflightTracker } from "../../realtime/inflight.ts";
import type { StaffNamespace, StaffSocket, StaffSocketData } from "../../realtime/namespaces.ts";
import { rooms } from "../../realtime/rooms.ts";
import { routingHandlers } from "../../routing/routing-handlers.ts";
import type { RoutingSystem } from "../../routing/routing-system.ts";
import { hashToken } from "../../security/opaque-token.ts";
import type { RateLimits } from "../../security/rate-limits.ts";
import { agentAdminHandlers } from "../../site-admin/agent-admin-handlers.ts";
import { emailOutboxHandlers } from "../../site-admin/email-outbox-handlers.ts";
import { siteHandlers } from "../../site-admin/site-handlers.ts";
import type { ChatAlertWatch } from "../../supervision/chat-alert-watch.ts";
import { statsHandlers } from "../../supervision/stats-handlers.ts";
import { supervisionHandlers } from "../../supervision/supervision-handlers.ts";
import type { TicketDesk } from "../../tickets/ticket-desk.ts";
import { ticketHandlers } from "../../tickets/ticket-handlers.ts";
import { webhookHandlers } from "../../webhooks/webhook-handlers.ts";
import type { WebhookSystem } from "../../webhooks/webhook-system.ts";

export interface StaffSocketDeps {
  serverOrigins: readonly string[];
  routing: RoutingSystem;
  tickets: TicketDesk;
  supervision: { alerts: ChatAlertWatch; clock: () => Date };
  history: HistoryOptions;
  logger: Logger;
  inflight: InflightTracker;
  passwordResets: PasswordResets;
  outbox: Pick<EmailOutbox, "retry">;
  limits: Pick<RateLimits, "typing">;
  /** Web conferences on tickets. */
  meetings: MeetingDesk;
  webhooks: Pick<WebhookSystem, "endpoints" | "dispatcher">;
  /** Told of every command answered (metrics). */
  observe?: (command: string, outcome: CommandOutcome, seconds: number) => void;
}

export function attachStaffNamespace(ns: StaffNamespace, deps: StaffSocketDeps): void {
  const commands = new CommandTable<AgentClientToServerEvents, StaffContext, StaffSocket>({
    schemas: agentEventSchemas,
    // The routing table: every event this namespace serves, beside the group (and so the file) that handles it.
    handlers: handlersOf(
      serves(
        ["message:send", "conversation:close", "conversation:sync", "inbox:sync"],
        staffHandlers(deps.routing.lifecycle),
      ),
      serves(
        ["conversation:read", "typing:set"],
        staffSignalHandlers({ conversations: deps.routing.conversations, typingLimit: deps.limits.typing }),
      ),
      serves(
        ["presence:set", "conversation:accept", "offer:decline", "conversation:transfer", "team:list"],
        routingHandlers(deps.routing),
      ),
      serves(
        ["conversation:whisper", "conversation:join", "wall:sync"],
        supervisionHandlers({ routing: deps.routing, ...deps.supervision }),
      ),
      serves(["stats:get"], statsHandlers(deps.tickets.clock)),
      serves(
        ["ticket:create", "ticket:list", "ticket:get", "ticket:act", "ticket:reply", "ticket:escalate"],
        ticketHandlers(deps.tickets),
      ),
      serves(["meeting:list", "meeting:propose"], meetingHandlers(deps.meetings)),
      serves(["offline:list"], offlineStaffHandlers()),
      serves(["customer:list", "customer:save"], customerHandlers(ns)),
      serves(["history:search", "visitor:history"], historyHandlers(deps.history)),
      serves(["canned:list", "canned:save", "canned:delete", "canned:use"], cannedHandlers(ns)),
      serves(["manuals:list", "manuals:save"], manualStaffHandlers()),
      serves(["me:prefs"], agentPrefsHandlers()),
      // Admin: the site's setup, its people, its integrations.
      serves(["site:get", "site:update", "products:update"], siteHandlers(deps.routing, ns)),
      serves(["site:identity", "site:identity-rotate"], identityHandlers(deps.supervision.clock)),
      serves(["agent:create", "agent:update"], agentAdminHandlers(deps.routing)),
      serves(["agent:reset-password"], passwordAdminHandlers(deps.passwordResets)),
      serves(["email:outbox", "email:retry"], emailOutboxHandlers(deps.outbox)),
      serves(["api-key:list", "api-key:create", "api-key:revoke"], apiKeyHandlers(deps.supervision.clock)),
      serves(
        [
          "webhook:list",
          "webhook:create",
          "webhook:update",
          "webhook:delete",
          "webhook:rotate-secret",
          "webhook:deliveries",
          "webhook:redeliver",
          "webhook:ping",
        ],
        webhookHandlers(deps.webhooks),
      ),
    ),
    authorize: reauthorize,
    permits: (command, { agent }) => mayRun(command, agent.role),
    logger: deps.logger,
    inflight: deps.inflight,
    ...(deps.observe ? { observe: deps.observe } : {}),
  });

  ns.use(
    authenticateHandshake<StaffSocket>((socket) =>
      authenticate(socket.handshake.headers.cookie, socket.handshake.headers.origin, deps.serverOrigins),
    ),
  );

  ns.on("connection", (socket) => {
    const { agentId, siteId, sessionHash } = socket.data;
    void socket.join([
      rooms.siteStaff(siteId),
      rooms.agent(agentId),
      rooms.agentSession(sessionHash),
      ...(isLead(socket.data) ? [rooms.siteLeads(siteId)] : []),
    ]);
    const { presence } = deps.routing;
    void presence.connected(agentId).catch((err) => deps.logger.error({ err }, "presence update failed"));
    socket.on("disconnect", () => presence.disconnected(agentId));
    commands.serve(socket);
  });
}

/** Cuts every socket opened with a revoked session (logout). */
export function disconnectSession(ns: StaffNamespace, token: string): void {
  ns.in(rooms.agentSession(hashToken(token))).disconnectSockets(true);
}

/**
 * Cuts an agent's sockets on every node (a password changed or reset): all of them, or all but those opened with
 * the session that made the change.
 */
export function disconnectAgent(ns: StaffNamespace, agentId: Types.ObjectId, keepSessionHash?: string): void {
  const tabs = ns.in(rooms.agent(agentId));
  (keepSessionHash === undefined ? tabs : tabs.except(rooms.agentSession(keepSessionHash))).disconnectSockets(true);
}

async function authenticate(
  cookieHeader: string | undefined,
  origin: string | undefined,
  serverOrigins: readonly string[],
): Promise<StaffSocketData> {
  // The session rides in a cookie, so a page on another origin must not be able to use it.
  if (origin && !serverOrigins.includes(origin)) {
    throw new AppError("ORIGIN_NOT_ALLOWED", "The console must be opened from this server's origin");
  }
  const token = sessionTokenFromCookieHeader(cookieHeader);
  if (!token) throw new AppError("UNAUTHENTICATED", "Sign in first");
  const sessionHash = hashToken(token);
  const agent = await resolveAgentSessionByHash(sessionHash);
  if (!agent) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again");
  return { agentId: agent._id.toHexString(), siteId: agent.site.toHexString(), role: agent.role, sessionHash };
}

/**
 * Every event re-reads the session: a logout, an expiry or a disabled account takes
 * effect on the next event, and role changes apply without reconnecting.
 */
async function reauthorize(socket: StaffSocket): Promise<StaffContext> {
  const agent = await resolveAgentSessionByHash(socket.data.sessionHash);
  if (!agent) {
    setImmediate(() => socket.disconnect(true));
    throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again");
  }
  // Other nodes read the role when they decide who may stay in a chat's room (ConversationBroadcaster).
  socket.data.role = agent.role;
  return { agent, socket };
}
