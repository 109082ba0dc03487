import { type VisitorClientToServerEvents, VisitorHandshake, visitorEventSchemas } from "@parley/shared";
import type { Config } from "../../config/config.ts";
import { type ChatEndDeps, chatEndHandlers } from "../../conversations/chat-end-handlers.ts";
import { visitorSignalHandlers } from "../../conversations/chat-signal-handlers.ts";
import type { VisitorGoneWatch } from "../../conversations/visitor-gone-watch.ts";
import { toObjectId } from "../../db/object-id.ts";
import { AppError } from "../../errors/app-error.ts";
import { parseInput } from "../../errors/parse-input.ts";
import { requireVerifiedSession } from "../../identity/identity-policy.ts";
import type { Logger } from "../../logging/logger.ts";
import { manualVisitorHandlers } from "../../manuals/manual-handlers.ts";
import type { MeetingDesk } from "../../meetings/meeting-desk.ts";
import { visitorMeetingHandlers } from "../../meetings/visitor-meeting-handlers.ts";
import { offlineVisitorHandlers } from "../../offline/offline-handlers.ts";
import { type CommandOutcome, CommandTable, handlersOf, serves } from "../../realtime/command-registry.ts";
import { authenticateHandshake } from "../../realtime/handshake.ts";
import type { InflightTracker } from "../../realtime/inflight.ts";
import type { StaffNamespace, VisitorNamespace, VisitorSocket, VisitorSocketData } from "../../realtime/namespaces.ts";
import { rooms } from "../../realtime/rooms.ts";
import type { RoutingSystem } from "../../routing/routing-system.ts";
import { visitorHandlers } from "../../routing/visitor-chat-handlers.ts";
import { clientAddressOf, type RateLimits } from "../../security/rate-limits.ts";
import { effectiveOrigin, isOriginAllowed } from "../../sites/origin-policy.ts";
import { cachedSite, cachedSiteByKey } from "../../sites/site-cache.ts";
import type { TicketDesk } from "../../tickets/ticket-desk.ts";
import { visitorManualOpenedHandlers } from "../../tickets/visitor-manual-handlers.ts";
import { visitorTicketHandlers } from "../../tickets/visitor-ticket-handlers.ts";
import { visitorOfToken } from "../../visitors/visitor-auth.ts";
import type { VisitorContext } from "../../visitors/visitor-context.ts";

export interface VisitorSocketDeps {
  serverOrigin: () => string;
  routing: RoutingSystem;
  tickets: TicketDesk;
  /** Web conferences on tickets. */
  meetings: MeetingDesk;
  staff: StaffNamespace;
  limits: Pick<RateLimits, "visitorEvents" | "offlineRequests" | "typing">;
  logger: Logger;
  inflight: InflightTracker;
  /** Visitor gone: told of each socket's coming and going, to stamp or clear their open chat. */
  gone?: Pick<VisitorGoneWatch, "connected" | "disconnected">;
  /** Told of every command answered (metrics). */
  observe?: (command: string, outcome: CommandOutcome, seconds: number) => void;
  /**
   * Config TRUST_PROXY, so that a socket counts against its client's address as its HTTP requests do (Express's
   * `trust proxy`). Unset: the peer's address, as without TRUST_PROXY.
   */
  trustProxy?: Config["trustProxy"];
  /** Ratings and transcripts: where transcripts are emailed, the server's clock, the figures' hook. */
  chatEnd: Omit<ChatEndDeps, "staff" | "log">;
}

export function attachVisitorNamespace(ns: VisitorNamespace, deps: VisitorSocketDeps): void {
  const addressOf = clientAddressOf(deps.trustProxy ?? false);
  const { perVisitor, perAddress, perSite } = deps.limits.visitorEvents;
  // In turn: an event a key already over its limit refuses does not use up the shared budgets behind it, so one
  // looping visitor cannot spend their office's or their site's.
  const mayAct = async (socket: VisitorSocket): Promise<boolean> =>
    (await perVisitor.take(socket.data.visitorId)) &&
    (await perAddress.take(addressOf(socket.handshake.address, socket.handshake.headers))) &&
    (await perSite.take(socket.data.siteId));
  const commands = new CommandTable<VisitorClientToServerEvents, VisitorContext, VisitorSocket>({
    schemas: visitorEventSchemas,
    // The routing table: every event this namespace serves, beside the group (and so the file) that handles it.
    handlers: handlersOf(
      serves(
        ["conversation:start", "message:send", "conversation:sync", "site:availability"],
        visitorHandlers(deps.routing),
      ),
      serves(
        ["conversation:read", "typing:set"],
        visitorSignalHandlers({ conversations: deps.routing.conversations, typingLimit: deps.limits.typing }),
      ),
      serves(
        ["conversation:rate", "conversation:transcript"],
        chatEndHandlers({ ...deps.chatEnd, staff: deps.staff, log: deps.routing.lifecycle.log }),
      ),
      serves(["offline:submit"], offlineVisitorHandlers(deps.staff, deps.limits.offlineRequests)),
      serves(["ticket:list", "ticket:get", "ticket:reply", "ticket:respond"], visitorTicketHandlers(deps.tickets)),
      serves(["meeting:list", "meeting:accept"], visitorMeetingHandlers(deps.meetings)),
      serves(["manual:suggest"], manualVisitorHandlers()),
      serves(["manual:opened"], visitorManualOpenedHandlers(deps.tickets.clock)),
    ),
    authorize: async (socket) => {
      if (!(await mayAct(socket))) {
        throw new AppError("RATE_LIMITED", "Too many requests; wait a moment and try again");
      }
      return contextOf(socket);
    },
    logger: deps.logger,
    inflight: deps.inflight,
    ...(deps.observe ? { observe: deps.observe } : {}),
  });

  ns.use(
    authenticateHandshake<VisitorSocket>((socket) =>
      authenticate(socket.handshake.auth, socket.handshake.headers.origin, deps.serverOrigin()),
    ),
  );

  ns.on("connection", (socket) => {
    const { visitorId, siteId } = socket.data;
    // Joined before any sync runs, so nothing stored after a sync's query can be missed.
    void socket.join([rooms.visitor(visitorId), rooms.siteVisitors(siteId)]);
    commands.serve(socket);
    const { gone, logger } = deps;
    if (gone) {
      const failed = (err: unknown) => logger.warn({ err }, "visitor connection tracking failed");
      gone.connected(visitorId).catch(failed);
      // A shutdown disconnects every visitor while the database is closing: not stamped here. A visitor who comes
      // back reaches another process; one who does not is stamped by the sweep (no socket anywhere).
      socket.on("disconnect", () => {
        if (!deps.inflight.draining) void gone.disconnected(visitorId).catch(failed);
      });
    }
  });
}

async function authenticate(
  auth: unknown,
  originHeader: string | undefined,
  serverOrigin: string,
): Promise<VisitorSocketData> {
  const { siteKey, visitorToken } = parseInput(VisitorHandshake, auth);
  const site = await cachedSiteByKey(siteKey);
  if (!site) throw new AppError("NOT_FOUND", "Unknown site key");
  const origin = effectiveOrigin(originHeader, serverOrigin);
  if (!isOriginAllowed(site, origin)) {
    throw new AppError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not embed this site's widget`);
  }
  const visitor = await visitorOfToken(visitorToken, site);
  if (!visitor) throw new AppError("UNAUTHENTICATED", "Unknown visitor session");
  requireVerifiedSession(site, visitor.verified);
  return { visitorId: visitor._id.toHexString(), siteId: site._id.toHexString(), verified: visitor.verified };
}

/** Products and hours change while a widget stays open: every event sees the site as it is now (site cache). */
async function contextOf(socket: VisitorSocket): Promise<VisitorContext> {
  const siteId = toObjectId(socket.data.siteId);
  const site = await cachedSite(siteId);
  if (!site) {
    setImmediate(() => socket.disconnect(true));
    throw new AppError("NOT_FOUND", "Unknown site key");
  }
  // Turned on while this socket was connected: its next event is refused too, not only its next handshake.
  requireVerifiedSession(site, socket.data.verified === true);
  return { visitor: { _id: toObjectId(socket.data.visitorId), site: siteId }, site, socket };
}
