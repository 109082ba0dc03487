import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_SOCKET_PAYLOAD_BYTES, SOCKET_NAMESPACES } from "@parley/shared/constants";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import express from "express";
import helmet from "helmet";
import mongoose from "mongoose";
import { Server } from "socket.io";
import { keySessionsByHash, sweepExpiredSessions } from "../agents/agent-sessions.ts";
import { authRoutes } from "../agents/auth.routes.ts";
import { passwordRoutes } from "../agents/password.routes.ts";
import type { AgentSocketCutter } from "../agents/password-change.ts";
import { sweepExpiredResetTokens } from "../agents/password-reset-tokens.ts";
import { PasswordResets } from "../agents/password-resets.ts";
import { apiV1Routes } from "../api/api-router.ts";
import { AttachmentStore } from "../attachments/attachment-store.ts";
import { redisLeases, singleProcessLeases } from "../cluster/leases.ts";
import { NodeRegistry } from "../cluster/node-registry.ts";
import { connectRedis } from "../cluster/redis-link.ts";
import type { Config } from "../config/config.ts";
import { type ServerOrigins, serverOrigins } from "../config/server-origins.ts";
import { archiveLeftovers } from "../conversations/conversation-archive.ts";
import { VisitorGoneWatch } from "../conversations/visitor-gone-watch.ts";
import { keyCustomerContacts } from "../customers/customer-of-email.ts";
import { connectDatabase, databaseReachable, disconnectDatabase } from "../db/connection.ts";
import { runMigrations } from "../db/migrations.ts";
import { demoPageRoutes } from "../demo/demo-page.routes.ts";
import { seedDemo } from "../demo/demo-seed.ts";
import { attachmentRoutes } from "../downloads/attachment.routes.ts";
import { EmailOutbox } from "../email/email-outbox.ts";
import { createMailer } from "../email/smtp-mailer.ts";
import { AppError } from "../errors/app-error.ts";
import { DomainEvents } from "../events/domain-events.ts";
import { ledgerSettled, recordChat, reportLedgerErrors } from "../figures/figures-ledger.ts";
import { backfillHistory } from "../history/history-backfill.ts";
import { errorHandler } from "../http/error-handler.ts";
import { healthRoutes, readinessRoutes } from "../http/health.routes.ts";
import { consoleRoutes, widgetRoutes } from "../http/static.routes.ts";
import { visitorSessionRoutes } from "../identity/visitor-session.routes.ts";
import { createInboundEmail, type InboundEmailSystem } from "../inbound-email/inbound-email.ts";
import { SupportAddresses } from "../inbound-email/support-addresses.ts";
import { ticketMailThreading } from "../inbound-email/ticket-mail-threading.ts";
import type { Logger } from "../logging/logger.ts";
import { meetingAcceptRoutes } from "../meetings/meeting-accept.routes.ts";
import { MeetingDesk } from "../meetings/meeting-desk.ts";
import { countedMailer } from "../observability/counted-mailer.ts";
import { metricsRoutes } from "../observability/metrics.routes.ts";
import { Metrics } from "../observability/metrics.ts";
import { requestLog } from "../observability/request-log.ts";
import { AwayReplyEmail } from "../reach/away-reply-email.ts";
import { reopenRoutes } from "../reach/reopen.routes.ts";
import { toConnectError } from "../realtime/connect-error.ts";
import { InflightTracker } from "../realtime/inflight.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { createRoutingSystem } from "../routing/routing-system.ts";
import { createRateLimits } from "../security/rate-limits.ts";
import { widgetConfigRoutes } from "../sites/widget-config.routes.ts";
import { ChatAlertWatch } from "../supervision/chat-alert-watch.ts";
import { buildLedger } from "../supervision/figures-rebuild.ts";
import { markTicketIfMade } from "../tickets/chat-ticket-mark.ts";
import { buildTicketIndex } from "../tickets/ticket-list.ts";
import { keyTicketSources } from "../tickets/ticket-sources.ts";
import { createTicketSystem, type TicketSystem } from "../tickets/ticket-system.ts";
import type { Clock } from "../time/clock.ts";
import { keyVisitorTokens } from "../visitors/visitor-auth.ts";
import type { DomainEventMap } from "../webhooks/webhook-events.ts";
import { createWebhookSystem, type WebhookSystem } from "../webhooks/webhook-system.ts";
import { attachStaffNamespace, disconnectAgent, disconnectSession } from "./namespaces/staff-namespace.ts";
import { attachVisitorNamespace } from "./namespaces/visitor-namespace.ts";

export interface ParleyServer {
  url: string;
  origins: ServerOrigins;
  httpServer: HttpServer;
  io: Server;
  tickets: TicketSystem;
  /** The wall's chat alerts; tests run a check after moving their clock. */
  chatAlerts: ChatAlertWatch;
  /** Visitor gone; tests run a sweep after moving their clock. */
  visitorGone: VisitorGoneWatch;
  /** Signed webhooks; tests run a retry sweep after moving their clock. */
  webhooks: WebhookSystem;
  /** Tickets by email: the intake, the SMTP receiver's port, the IMAP poller. */
  inboundEmail: InboundEmailSystem;
  /** Graceful: stop accepting, let in-flight writes finish, close the database. */
  stop(): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;
const SESSION_SWEEP_MS = 60 * 60_000;
/** Backstop for presence grace timers lost with a node that died (only with several nodes can that leave agents). */
const PRESENCE_SWEEP_MS = 60_000;

export interface StartOptions {
  config: Config;
  logger: Logger;
  mongoUri: string;
  /** Overrides the database named in the URI (tests use one database per suite). */
  dbName?: string;
  /** The server's notion of now (tickets and SLAs); tests pass one they move by hand. */
  clock?: Clock;
  /** A worker of `npm run start:cluster`: don't listen; the primary passes connections in (config.port is its port). */
  behindPrimary?: boolean;
}

export async function startParley(opts: StartOptions): Promise<ParleyServer> {
  const { config, logger } = opts;
  // The driver reports every command: /metrics times them (and tests check the hot paths' filters).
  await connectDatabase(opts.mongoUri, logger, opts.dbName, { monitorCommands: true });
  await runMigrations(
    [
      { id: "visitor-tokens-by-hash", run: () => keyVisitorTokens() },
      { id: "agent-sessions-by-hash", run: () => keySessionsByHash() },
      { id: "figures-ledger", run: () => buildLedger() },
      { id: "ticket-index", run: () => buildTicketIndex() },
      { id: "ticket-sources", run: () => keyTicketSources() },
      { id: "history-rows", run: () => backfillHistory() },
      { id: "customer-contacts", run: () => keyCustomerContacts() },
    ],
    logger,
  );
  const archived = await archiveLeftovers(markTicketIfMade);
  if (archived > 0)
    logger.info({ event: "conversations_archived", count: archived }, "closed chats moved to the history");

  const redis = config.redisUrl ? await connectRedis(config.redisUrl, logger) : undefined;
  const leases = redis ? redisLeases(redis.commands, config.redisPrefix, logger) : singleProcessLeases;

  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer the peer is the balancer: sign-in throttling and session limits need the client.
  app.set("trust proxy", config.trustProxy);
  const httpServer = createServer(app);
  // Under `npm run start:cluster` the primary process owns the port and hands each connection to a worker
  // (@socket.io/sticky); the worker serves it on this unbound server.
  if (!opts.behindPrimary) {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  }
  const port = opts.behindPrimary ? config.port : (httpServer.address() as AddressInfo).port;
  const origins = serverOrigins(config.publicUrl, port);
  if (config.demo) await seedDemo(origins.all, logger);

  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    serveClient: false,
    // Transport-level CORS is open so the widget can fall back to polling from customer
    // sites; each namespace checks the origin itself (site allowlist, or our own origin).
    cors: { origin: true, credentials: false },
    // With Redis, rooms, broadcasts and fetchSockets span every node. The streams adapter is the one that keeps
    // working with connection-state recovery, should it be turned on.
    ...(redis
      ? {
          adapter: createAdapter(redis.bus, {
            streamName: `${config.redisPrefix}:socket.io`,
            channelPrefix: `${config.redisPrefix}:socket.io`,
          }),
        }
      : {}),
  });
  const visitors: VisitorNamespace = io.of(SOCKET_NAMESPACES.visitor);
  const staff: StaffNamespace = io.of(SOCKET_NAMESPACES.agent);
  const inflight = new InflightTracker(databaseReachable, config.commandStallMs);
  // Before each namespace's own checks (they read the database): a handshake while it is unreachable is refused
  // at once with a retryable code, and the client's reconnection tries again.
  for (const ns of [visitors, staff] as const) {
    ns.use((_socket, next) => {
      const refusal = inflight.refusal();
      next(refusal ? toConnectError(new AppError("UNAVAILABLE", refusal)) : undefined);
    });
  }
  const clock = opts.clock ?? (() => new Date());
  // Shared by every node through Redis: a visitor flooding over three nodes is limited as on one.
  const limits = createRateLimits({
    visitorEvents: config.visitorEvents,
    apiRequests: config.apiRequests,
    ...(redis ? { redis: redis.commands, keyPrefix: `${config.redisPrefix}:rl` } : {}),
  });
  // What happened in the domain, for the consumers outside it (webhooks).
  const events = new DomainEvents<DomainEventMap>((err, type) =>
    logger.warn({ err, type }, "a domain event listener failed"),
  );
  const routing = createRoutingSystem({
    archived: markTicketIfMade,
    visitors,
    staff,
    presenceGraceMs: config.presenceGraceMs,
    offerSweepIntervalMs: config.offerSweepIntervalMs,
    logger,
    clock,
    stallMs: config.commandStallMs,
    events,
  });
  const metrics = new Metrics({ visitor: visitors, agent: staff });
  metrics.watchDatabase(mongoose.connection.getClient());
  const mailer = new EmailOutbox(countedMailer(createMailer(config, logger), metrics), {
    configured: config.smtpUrl !== undefined,
    leases,
    logger,
    sweepIntervalMs: config.emailRetry.intervalMs,
    retryBaseMs: config.emailRetry.baseMs,
  });
  const cutSockets: AgentSocketCutter = (agentId, keepSessionHash) => disconnectAgent(staff, agentId, keepSessionHash);
  const passwordResets = new PasswordResets({
    mailer,
    emailEnabled: config.smtpUrl !== undefined,
    origin: () => origins.primary,
    clock,
    logger,
    inflight,
    cutSockets,
  });
  const chatAlerts = new ChatAlertWatch(staff, clock, config.chatAlertIntervalMs, logger, leases, redis !== undefined);
  reportLedgerErrors((err) => logger.warn({ err }, "a figures row was not written"));
  routing.conversations.onWallChanged = (conversation) => {
    chatAlerts.changed(conversation);
    recordChat(conversation);
  };
  const supportAddresses = new SupportAddresses(config.inboundEmail.addresses);
  const tickets = createTicketSystem({
    visitors,
    staff,
    logger,
    mailer,
    clock,
    slaWatchIntervalMs: config.slaWatchIntervalMs,
    leases,
    onAlert: (kind) => metrics.slaAlerts.inc({ kind }),
    events,
    // With support addresses, the requester's emails carry the ticket's reply address.
    ...(supportAddresses.configured ? { threading: ticketMailThreading(supportAddresses, clock) } : {}),
  });
  const webhooks = createWebhookSystem({
    events,
    staff,
    shared: redis !== undefined,
    clock,
    leases,
    logger,
    production: config.production,
  });
  const inboundEmail = createInboundEmail({
    config,
    addresses: supportAddresses,
    desk: tickets.desk,
    store: new AttachmentStore(config.attachmentsDir),
    perSender: limits.inboundMailPerSender,
    leases,
    logger,
    onOutcome: (o) => metrics.inboundEmails.inc({ outcome: o.kind, reason: o.kind === "ignored" ? o.reason : "" }),
  });
  // Web conferences on tickets.
  const meetings = new MeetingDesk({
    tickets: tickets.desk,
    staff,
    visitors,
    mailer,
    clock,
    serverOrigin: () => origins.primary,
  });
  const awayReplies = new AwayReplyEmail({ mailer, clock, logger });
  routing.conversations.onMessageStored = (conversation, message) => {
    awayReplies
      .messageStored(conversation, message)
      .catch((err) => logger.warn({ err, conversation: conversation._id }, "away reply email failed"));
  };
  const visitorGone = new VisitorGoneWatch({
    visitors,
    lifecycle: routing.lifecycle,
    conversations: routing.conversations,
    clock,
    intervalMs: config.visitorGoneSweepMs,
    logger,
    leases,
  });
  attachVisitorNamespace(visitors, {
    gone: visitorGone,
    serverOrigin: () => origins.primary,
    routing,
    tickets: tickets.desk,
    meetings,
    staff,
    limits,
    logger,
    inflight,
    // A visitor socket's address (for the per-address event budget) is the client's, not the balancer's.
    trustProxy: config.trustProxy,
    // Ratings and transcripts: a rating moves its chat's row in the figures (CSAT).
    chatEnd: {
      mailer,
      clock,
      onRated: (conversation) => {
        recordChat(conversation);
        events.emit("conversation.rated", { conversation });
      },
    },
    observe: (command, outcome, seconds) => {
      metrics.commands.inc({ namespace: "visitor", command, outcome });
      metrics.ackSeconds.observe({ namespace: "visitor" }, seconds);
    },
  });
  attachStaffNamespace(staff, {
    serverOrigins: origins.all,
    routing,
    tickets: tickets.desk,
    supervision: { alerts: chatAlerts, clock },
    history: { pageMs: config.historyPageMs },
    logger,
    inflight,
    passwordResets,
    outbox: mailer,
    limits,
    meetings,
    webhooks,
    observe: (command, outcome, seconds) => {
      metrics.commands.inc({ namespace: "agent", command, outcome });
      metrics.ackSeconds.observe({ namespace: "agent" }, seconds);
    },
  });
  const registry = redis ? new NodeRegistry(redis.commands, config.redisPrefix, leases.nodeId) : undefined;
  const othersUp = registry ? await registry.join() : 0;
  if (othersUp > 0) logger.info({ event: "cluster_joined", othersUp }, "joined a running cluster");
  await routing.start({ coldStart: othersUp === 0 });
  await tickets.start();
  await inboundEmail.start();
  await chatAlerts.start();
  visitorGone.start();
  mailer.start();
  webhooks.start();
  // Off every request: on devdb a sweep reads all sessions.
  const sessionSweep = setInterval(async () => {
    if (!(await leases.hold("session-sweep", SESSION_SWEEP_MS * 2))) return;
    await sweepExpiredSessions().catch((err) => logger.warn({ err }, "session sweep failed"));
    await sweepExpiredResetTokens(clock()).catch((err) => logger.warn({ err }, "reset link sweep failed"));
  }, SESSION_SWEEP_MS);
  sessionSweep.unref();
  const presenceSweep = setInterval(async () => {
    if (!redis || !(await leases.hold("presence-sweep", PRESENCE_SWEEP_MS * 3))) return;
    await routing.presence.sweep().catch((err) => logger.warn({ err }, "presence sweep failed"));
  }, PRESENCE_SWEEP_MS);
  presenceSweep.unref();

  app.use(requestLog(logger));
  // Widget files first: they must not get the same-origin resource policy helmet sets.
  app.use(widgetRoutes(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "connect-src": ["'self'"],
          // blob: for the widget's image thumbnails on the demo page (fetched with the visitor's token).
          // https: for the team avatar a site may set, shown by the widget on the demo page and by the
          // Admin page's preview; the console never shows other remote images (thumbnails are its own downloads).
          "img-src": ["'self'", "data:", "blob:", "https:"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(readinessRoutes(inflight));
  app.use(metricsRoutes(metrics, config.metricsToken));
  // Every API request reads the database: while it is unreachable (or the server is stopping), answer 503
  // UNAVAILABLE at once rather than after the driver's 10 s server selection timeout.
  app.use("/api", (_req, _res, next) => {
    const refusal = inflight.refusal();
    next(refusal ? new AppError("UNAVAILABLE", refusal) : undefined);
  });
  // Before express.json: uploads are raw bytes, read by the route once the caller may upload.
  app.use(
    attachmentRoutes({
      attachmentsDir: config.attachmentsDir,
      maxBytes: config.attachmentMaxBytes,
      origins,
      visitorUploads: limits.visitorUploads,
      logger,
    }),
  );
  // The REST API takes what the same socket command takes (a ticket's policy fields run past 16 kB).
  app.use("/api/v1", express.json({ limit: MAX_SOCKET_PAYLOAD_BYTES }));
  app.use(express.json({ limit: "16kb" }));
  app.use(healthRoutes(redis));
  app.use(visitorSessionRoutes({ serverOrigin: () => origins.primary, newSessions: limits.visitorSessions, clock }));
  app.use(widgetConfigRoutes());
  app.use(reopenRoutes({ serverOrigin: () => origins.primary, limit: limits.visitorSessions, clock }));
  app.use(
    authRoutes({
      logger,
      throttle: limits.signIns,
      secureCookies: config.secureCookies,
      onSessionRevoked: (token) => disconnectSession(staff, token),
    }),
  );
  app.use(
    passwordRoutes({
      logger,
      throttle: limits.signIns,
      limits: limits.passwordResets,
      resets: passwordResets,
      cutSockets,
    }),
  );
  // REST API v1 with API keys.
  app.use(
    "/api/v1",
    apiV1Routes({
      lifecycle: routing.lifecycle,
      desk: tickets.desk,
      staff,
      inflight,
      limit: limits.apiRequests,
      clock,
      logger,
      serverOrigin: () => origins.primary,
    }),
  );
  app.use(meetingAcceptRoutes({ meetings, limit: limits.visitorSessions, clock }));
  app.use(consoleRoutes(logger));
  if (config.demo) app.use(demoPageRoutes());
  app.use(errorHandler(logger));

  const url = origins.primary;
  logger.info({ event: "listening", url, port }, "Parley is listening");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // 1. Stop accepting: no new connections, and events arriving from now on are answered UNAVAILABLE.
      inflight.draining = true;
      httpServer.close();
      httpServer.closeIdleConnections();
      // 2 and 3. Finish the writes in flight; each handler acks as it finishes, on its still-open socket.
      // The SMTP receiver stops taking mail (a delivery in progress finishes; the forwarder retries the rest).
      const inboundStopped = inboundEmail.stop();
      await inflight.drain(DRAIN_TIMEOUT_MS);
      await inboundStopped;
      await ledgerSettled();
      // The acks are queued on their sockets; one turn of the loop hands them to the transports, which send
      // them before the close frame that follows.
      await new Promise((resolve) => setImmediate(resolve));
      // 4. Close the sockets: the transports close under the clients, which reconnect (through the balancer,
      // to another node) and resync.
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      chatAlerts.stop();
      visitorGone.stop();
      clearInterval(sessionSweep);
      clearInterval(presenceSweep);
      await tickets.stop();
      await mailer.close();
      await webhooks.stop();
      await routing.stop();
      // Hands the background work to another node now rather than when the leases lapse.
      await leases.releaseAll();
      await registry?.leave();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
      httpServer.closeAllConnections();
      await redis?.close();
      await disconnectDatabase();
      logger.info({ event: "stopped" }, "Parley stopped");
    })();
    return stopping;
  };

  return { url, origins, httpServer, io, tickets, chatAlerts, visitorGone, webhooks, inboundEmail, stop };
}
