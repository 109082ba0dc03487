import { type VisitorClientToServerEvents, VisitorHandshake, visitorEventSchemas } from "@parley/shared";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { Logger } from "../logging/logger.ts";
import { offlineVisitorHandlers } from "../offline/offline-handlers.ts";
import { registerCommands } from "../realtime/command-registry.ts";
import { authenticateHandshake } from "../realtime/handshake.ts";
import type { InflightTracker } from "../realtime/inflight.ts";
import type { StaffNamespace, VisitorNamespace, VisitorSocket, VisitorSocketData } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { RoutingSystem } from "../routing/routing-system.ts";
import { hashToken } from "../security/opaque-token.ts";
import { TokenBuckets } from "../security/token-buckets.ts";
import { effectiveOrigin, isOriginAllowed } from "../sites/origin-policy.ts";
import { Site, type SiteDoc } from "../sites/site.model.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { visitorTicketHandlers } from "../tickets/visitor-ticket-handlers.ts";
import { Visitor, type VisitorDoc } from "./visitor.model.ts";
import { visitorHandlers } from "./visitor-handlers.ts";

/**
 * Per visitor: a burst of 60 events, then 2 a second. A person typing, a reconnect's resync and an
 * outbox flushing after a reload stay well inside; a script looping on an event does not.
 */
const visitorEvents = new TokenBuckets({ capacity: 60, perSecond: 2 });

export interface VisitorSocketDeps {
  serverOrigin: () => string;
  routing: RoutingSystem;
  tickets: TicketDesk;
  staff: StaffNamespace;
  logger: Logger;
  inflight: InflightTracker;
}

export function attachVisitorNamespace(ns: VisitorNamespace, deps: VisitorSocketDeps): void {
  ns.use(
    authenticateHandshake<VisitorSocket>((socket) =>
      authenticate(socket.handshake.auth, socket.handshake.headers.origin, deps.serverOrigin()),
    ),
  );

  ns.on("connection", (socket) => {
    const { visitor, site } = socket.data;
    // Joined before any sync runs, so nothing stored after a sync's query can be missed.
    void socket.join([rooms.visitor(visitor._id), rooms.siteVisitors(site._id)]);
    registerCommands<VisitorClientToServerEvents, VisitorSocketData>({
      socket,
      schemas: visitorEventSchemas,
      handlers: {
        ...visitorHandlers(deps.routing, socket),
        ...offlineVisitorHandlers(deps.staff),
        ...visitorTicketHandlers(deps.tickets),
      },
      authorize: () => {
        if (!visitorEvents.take(socket.data.visitor._id.toHexString())) {
          return Promise.reject(new AppError("RATE_LIMITED", "Too many requests; wait a moment and try again"));
        }
        return refreshSite(socket);
      },
      logger: deps.logger,
      inflight: deps.inflight,
    });
  });
}

async function authenticate(
  auth: unknown,
  originHeader: string | undefined,
  serverOrigin: string,
): Promise<VisitorSocketData> {
  const { siteKey, visitorToken } = parseInput(VisitorHandshake, auth);
  const site = await Site.findOne({ key: siteKey }).lean<SiteDoc>();
  if (!site) throw new AppError("NOT_FOUND", "Unknown site key");
  const origin = effectiveOrigin(originHeader, serverOrigin);
  if (!isOriginAllowed(site, origin)) {
    throw new AppError("ORIGIN_NOT_ALLOWED", `Origin ${origin} may not embed this site's widget`);
  }
  const visitor = await Visitor.findOne({ tokenHash: hashToken(visitorToken), site: site._id }).lean<VisitorDoc>();
  if (!visitor) throw new AppError("UNAUTHENTICATED", "Unknown visitor session");
  return { visitor, site };
}

/** Products and hours change while a widget stays open: every event sees the site as it is now. */
async function refreshSite(socket: VisitorSocket): Promise<VisitorSocketData> {
  const site = await Site.findById(socket.data.site._id).lean<SiteDoc>();
  if (!site) {
    setImmediate(() => socket.disconnect(true));
    throw new AppError("NOT_FOUND", "Unknown site key");
  }
  socket.data.site = site;
  return socket.data;
}
