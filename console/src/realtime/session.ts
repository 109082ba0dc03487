import type { AgentDto, ConversationSummaryDto } from "@parley/shared";
import { currentAgent } from "../api/auth.ts";
import { alertDismissed, alertReceived } from "../state/alerts.ts";
import { readMarked, syncCompleted, syncFailed, syncStarted, updateReceived } from "../state/inbox.ts";
import { type ConnectionState, initialSession, type SessionState, withMe, withNotice } from "../state/session.ts";
import { createStore, type Store } from "../state/store.ts";
import { Admin } from "./admin.ts";
import type { ChatExtras } from "./chat-extras.ts";
import type { RealtimeContext } from "./context.ts";
import { ConversationSync } from "./conversations.ts";
import { Customers } from "./customers.ts";
import { Offers } from "./offers.ts";
import { OfflineSync } from "./offline.ts";
import { Presence } from "./presence.ts";
import { Sender } from "./sender.ts";
import { SiteSync } from "./site.ts";
import { SnapshotLoader } from "./snapshot.ts";
import { type AgentSocket, command, createAgentSocket } from "./socket.ts";
import { TeamSync } from "./team.ts";
import { Tickets } from "./tickets.ts";
import { WallSync } from "./wall.ts";

/** After the server refused or dropped us on purpose, socket.io does not retry by itself. */
const MANUAL_RECONNECT_DELAY_MS = 3_000;

type InboxSnapshot = { me: AgentDto; waiting: ConversationSummaryDto[]; mine: ConversationSummaryDto[] };

const SESSION_ENDED = "Your session has ended. Please sign in again.";

/**
 * One signed-in console: owns the socket, keeps the inbox, team, site settings and offline requests in
 * step with the server, and on every (re)connect reloads them, resyncs the open chat and resends what is
 * unconfirmed.
 */
export class ConsoleSession {
  readonly store: Store<SessionState>;
  readonly conversations: ConversationSync;
  readonly sender: Sender;
  readonly presence: Presence;
  readonly offers: Offers;
  readonly team: TeamSync;
  readonly site: SiteSync;
  readonly offline: OfflineSync;
  readonly admin: Admin;
  readonly tickets: Tickets;
  readonly customers: Customers;
  readonly wall: WallSync;
  /** Typing, "Seen" and drafts kept across reloads, once loaded (loadChatExtras). */
  extras: ChatExtras | null = null;
  private extrasLoading: Promise<ChatExtras> | undefined;
  /** Also for parts loaded later (the canned replies' module), which follow their own events on it. */
  readonly socket: AgentSocket;
  /** For the lazily loaded pages' own commands (History), which the session need not carry. */
  readonly ctx: RealtimeContext;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly inbox: SnapshotLoader<InboxSnapshot>;

  /** `onEnded` is called once, with a notice for the sign-in page, when the session is gone. */
  constructor(
    me: AgentDto,
    private readonly onEnded: (notice: string) => void,
  ) {
    this.store = createStore(initialSession(me));
    this.socket = createAgentSocket();
    const ctx = { socket: this.socket, store: this.store };
    this.ctx = ctx;
    this.conversations = new ConversationSync(ctx);
    this.sender = new Sender(ctx);
    this.presence = new Presence(ctx);
    this.offers = new Offers(ctx, this.conversations);
    this.team = new TeamSync(ctx);
    this.site = new SiteSync(ctx);
    this.offline = new OfflineSync(ctx);
    this.admin = new Admin(ctx, this.team, this.site);
    this.tickets = new Tickets(ctx);
    this.customers = new Customers(ctx);
    this.wall = new WallSync(ctx);
    void this.loadChatExtras().catch(() => undefined);
    this.inbox = this.inboxLoader();
    this.listen();
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    for (const part of [this.inbox, this.team, this.site, this.offline, this.sender, this.wall]) {
      part.stop();
    }
    this.extras?.signals.stop();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private listen(): void {
    const { socket, store } = this;
    socket.on("connect", () => this.onConnect());
    socket.on("disconnect", (reason) => this.onDisconnect(reason));
    socket.on("connect_error", (err) => this.onConnectError(err));
    socket.on("conversation:updated", (summary) => {
      store.update((s) => ({ ...s, inbox: updateReceived(s.inbox, summary, s.me.id) }));
      this.conversations.onSummary(summary);
    });
    socket.on("message:new", (message) => this.conversations.onMessage(message));
    socket.on("conversation:rated", (rated) => this.conversations.onRated(rated));
    // My own read mark, from this tab or another: the unread count in "My chats" drops with it.
    socket.on("conversation:read", (mark) => {
      if (mark.side === "agent")
        store.update((s) => ({ ...s, inbox: readMarked(s.inbox, mark.conversationId, mark.seq) }));
    });
    socket.on("agent:notice", (notice) => this.presence.onNotice(notice));
    socket.on("agent:updated", (member) => {
      this.team.onMember(member);
      this.wall.on({ kind: "agent", agent: member });
    });
    socket.on("site:updated", (settings) => this.site.onSettings(settings));
    socket.on("ticket:updated", (ticket) => {
      this.tickets.onUpdated(ticket);
      this.wall.on({ kind: "ticket", ticket });
    });
    socket.on("ticket:message", (message) => this.tickets.onMessage(message));
    socket.on("ticket:alert", (alert) => store.update((s) => ({ ...s, alerts: alertReceived(s.alerts, alert) })));
    socket.on("customer:updated", (customer) => this.customers.onUpdated(customer));
    socket.on("offline:created", (request) => this.offline.onCreated(request));
    socket.on("wall:chat", (chat) => this.wall.on({ kind: "chat", chat }));
    socket.on("wall:alert", (alert) => this.wall.on({ kind: "alert", alert }));
  }

  /** In their own chunk, asked for at sign-in: the console's first paint does not wait for them. */
  loadChatExtras(): Promise<ChatExtras> {
    this.extrasLoading ??= import("./chat-extras.ts").then(({ createChatExtras }) => {
      this.extras ??= createChatExtras({ socket: this.socket, store: this.store }, this.store.get().me.id);
      return this.extras;
    });
    return this.extrasLoading;
  }

  dismissNotice(): void {
    this.store.update((s) => withNotice(s, null));
  }

  dismissAlert(key: string): void {
    this.store.update((s) => ({ ...s, alerts: alertDismissed(s.alerts, key) }));
  }

  notify(text: string): void {
    this.store.update((s) => withNotice(s, text));
  }

  private setConnection(connection: ConnectionState, connectionProblem: string | null = null): void {
    this.store.update((s) =>
      s.connection === connection && s.connectionProblem === connectionProblem
        ? s
        : { ...s, connection, connectionProblem },
    );
  }

  private onConnect(): void {
    this.setConnection("connected");
    void this.inbox.load();
    this.team.load();
    this.site.load();
    this.offline.load();
    this.wall.load();
    this.conversations.resync();
    this.tickets.resync();
    this.sender.flush();
  }

  private inboxLoader(): SnapshotLoader<InboxSnapshot> {
    const { socket, store } = this;
    return new SnapshotLoader(socket, {
      fetch: () => command(socket, "inbox:sync", {}),
      started: () => store.update((s) => ({ ...s, inbox: syncStarted(s.inbox) })),
      // `me` is re-read on every sync, so a changed name, role or status shows without signing in again.
      completed: ({ me, waiting, mine }) =>
        store.update((s) => ({ ...withMe(s, me), inbox: syncCompleted(s.inbox, { waiting, mine }, me.id) })),
      failed: () => store.update((s) => ({ ...s, inbox: syncFailed(s.inbox, s.me.id) })),
    });
  }

  private onDisconnect(reason: string): void {
    if (this.stopped) return;
    this.setConnection("reconnecting");
    this.conversations.markAllStale();
    // The server drops a staff socket on purpose when its session is revoked or expired.
    if (reason === "io server disconnect") void this.checkSession();
  }

  private onConnectError(err: Error & { data?: { code?: unknown } }): void {
    if (this.stopped) return;
    // Transport failures are retried by socket.io; a refusal by the namespace is final for it.
    if (this.socket.active) {
      this.setConnection("reconnecting");
      return;
    }
    if (err.data?.code === "UNAUTHENTICATED") {
      this.end();
      return;
    }
    this.setConnection("reconnecting", err.message);
    this.reconnectLater();
  }

  private async checkSession(): Promise<void> {
    const result = await currentAgent();
    if (this.stopped) return;
    if (!result.ok && result.status === 401) this.end();
    else this.reconnectLater();
  }

  private reconnectLater(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (!this.stopped && !this.socket.connected) this.socket.connect();
    }, MANUAL_RECONNECT_DELAY_MS);
  }

  private end(): void {
    if (this.stopped) return;
    this.stop();
    this.onEnded(SESSION_ENDED);
  }
}
