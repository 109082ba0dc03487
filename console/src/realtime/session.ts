import type { AgentDto } from "@parley/shared";
import { currentAgent } from "../api/auth.ts";
import { syncCompleted, syncFailed, syncStarted, updateReceived } from "../state/inbox.ts";
import { type ConnectionState, initialSession, type SessionState } from "../state/session.ts";
import { createStore, type Store } from "../state/store.ts";
import { ConversationSync } from "./conversations.ts";
import { Sender } from "./sender.ts";
import { type AgentSocket, command, createAgentSocket } from "./socket.ts";

/** After the server refused or dropped us on purpose, socket.io does not retry by itself. */
const MANUAL_RECONNECT_DELAY_MS = 3_000;
/** An inbox sync that got no answer while still connected is asked again after this long. */
const INBOX_RETRY_MS = 5_000;

const SESSION_ENDED = "Your session has ended. Please sign in again.";

/**
 * One signed-in console: owns the socket, keeps the inbox in step with the server, and
 * on every (re)connect resynchronises the inbox and the open chat and resends what is unconfirmed.
 */
export class ConsoleSession {
  readonly store: Store<SessionState>;
  readonly conversations: ConversationSync;
  readonly sender: Sender;
  /** Unsent composer text per conversation; lives and dies with the session, never stored. */
  readonly drafts = new Map<string, string>();
  private readonly socket: AgentSocket;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private inboxRetryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Only the latest inbox sync may land; an older answer describes an older socket. */
  private inboxSyncRun = 0;

  /** `onEnded` is called once, with a notice for the sign-in page, when the session is gone. */
  constructor(
    me: AgentDto,
    private readonly onEnded: (notice: string) => void,
  ) {
    this.store = createStore(initialSession(me));
    this.socket = createAgentSocket();
    const ctx = { socket: this.socket, store: this.store };
    this.conversations = new ConversationSync(ctx);
    this.sender = new Sender(ctx);
    this.listen();
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.inboxRetryTimer);
    this.sender.stop();
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
    void this.syncInbox();
    this.conversations.resync();
    this.sender.flush();
  }

  private async syncInbox(): Promise<void> {
    const { store } = this;
    const run = ++this.inboxSyncRun;
    clearTimeout(this.inboxRetryTimer);
    store.update((s) => ({ ...s, inbox: syncStarted(s.inbox) }));
    const result = await command(this.socket, "inbox:sync", {});
    if (this.stopped || run !== this.inboxSyncRun) return;
    if (result.ok) {
      const { me, waiting, mine } = result.data;
      // `me` is re-read on every sync, so a changed name or role shows without signing in again.
      store.update((s) => ({ ...s, me, inbox: syncCompleted(s.inbox, { waiting, mine }, me.id) }));
      return;
    }
    store.update((s) => ({ ...s, inbox: syncFailed(s.inbox, s.me.id) }));
    // A reconnect syncs anyway; a slow or failing server while connected needs another try.
    if (this.socket.connected) {
      this.inboxRetryTimer = setTimeout(() => {
        if (!this.stopped && this.socket.connected) void this.syncInbox();
      }, INBOX_RETRY_MS);
    }
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
