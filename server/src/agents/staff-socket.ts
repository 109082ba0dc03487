import { type AgentClientToServerEvents, agentEventSchemas } from "@parley/shared";
import type { Types } from "mongoose";
import { apiKeyHandlers } from "../api-keys/api-key-handlers.ts";
import { cannedHandlers } from "../canned/canned-handlers.ts";
import { staffSignalHandlers } from "../conversations/chat-signal-handlers.ts";
import { staffHandlers } from "../conversations/staff-handlers.ts";
import { customerHandlers } from "../customers/customer-handlers.ts";
import type { EmailOutbox } from "../email/email-outbox.ts";
import { emailOutboxHandlers } from "../email/email-outbox-handlers.ts";
import { AppError } from "../errors/app-error.ts";
import { type HistoryOptions, historyHandlers } from "../history/history-handlers.ts";
import { identityHandlers } from "../identity/identity-handlers.ts";
import type { Logger } from "../logging/logger.ts";
import { manualStaffHandlers } from "../manuals/manual-handlers.ts";
import type { MeetingDesk } from "../meetings/meeting-desk.ts";
import { meetingHandlers } from "../meetings/meeting-handlers.ts";
import type { CommandOutcome } from "../observability/metrics.ts";
import { offlineStaffHandlers } from "../offline/offline-handlers.ts";
import { CommandTable } from "../realtime/command-registry.ts";
import { authenticateHandshake } from "../realtime/handshake.ts";
import type { InflightTracker } from "../realtime/inflight.ts";
import type { StaffContext, StaffNamespace, StaffSocket, StaffSocketData } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { routingHandlers } from "../routing/routing-handlers.ts";
import type { RoutingSystem } from "../routing/routing-system.ts";
import { hashToken } from "../security/opaque-token.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import { siteHandlers } from "../sites/site-handlers.ts";
import type { ChatAlertWatch } from "../supervision/chat-alert-watch.ts";
import { statsHandlers } from "../supervision/stats-handlers.ts";
import { supervisionHandlers } from "../supervision/supervision-handlers.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { ticketHandlers } from "../tickets/ticket-handlers.ts";
import { agentAdminHandlers } from "./agent-admin-handlers.ts";
import { agentPrefsHandlers } from "./agent-prefs-handlers.ts";
import { resolveAgentSessionByHash } from "./agent-sessions.ts";
import { passwordAdminHandlers } from "./password-admin-handlers.ts";
import type { PasswordResets } from "./password-resets.ts";
import { isLead } from "./roles.ts";
import { sessionTokenFromCookieHeader } from "./session-cookie.ts";
import { mayRun } from "./staff-command-roles.ts";

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
  /** Web conferences on tickets (issue 15). */
  meetings: MeetingDesk;
  /** Told of every command answered (metrics). */
  observe?: (command: string, outcome: CommandOutcome, seconds: number) => void;
}

export function attachStaffNamespace(ns: StaffNamespace, deps: StaffSocketDeps): void {
  const commands = new CommandTable<AgentClientToServerEvents, StaffContext, StaffSocket>({
    schemas: agentEventSchemas,
    handlers: {
      ...staffHandlers(deps.routing.lifecycle),
      ...staffSignalHandlers({ conversations: deps.routing.conversations, typingLimit: deps.limits.typing }),
      ...routingHandlers(deps.routing),
      ...siteHandlers(deps.routing, ns),
      ...identityHandlers(deps.supervision.clock),
      ...agentAdminHandlers(deps.routing),
      ...passwordAdminHandlers(deps.passwordResets),
      ...agentPrefsHandlers(),
      ...offlineStaffHandlers(),
      ...ticketHandlers(deps.tickets),
      ...customerHandlers(ns),
      ...historyHandlers(deps.history),
      ...supervisionHandlers({ routing: deps.routing, ...deps.supervision }),
      ...statsHandlers(deps.tickets.clock),
      ...emailOutboxHandlers(deps.outbox),
      ...cannedHandlers(ns),
      ...apiKeyHandlers(deps.supervision.clock),
      ...meetingHandlers(deps.meetings),
      ...manualStaffHandlers(),
    },
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
