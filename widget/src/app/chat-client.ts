import type { Environment, MessageDto, VisitorConversationDto } from "@parley/shared";
import { offlineRequestKey, sessionUserKey, storageKeys } from "../keys.ts";
import type { WidgetMessageEvent } from "../mount-api.ts";
import { type AttachmentRef, FILE_RULES, type FileAccess } from "./attachments.ts";
import { AvailabilityWatcher } from "./availability-watcher.ts";
import { ChatSignals } from "./chat-signals.ts";
import {
  type ChatState,
  initialState,
  type StartDraft,
  withConversation,
  withMessages,
  withoutConversation,
  withQueue,
} from "./chat-state.ts";
import { messageEntry, startEntry } from "./compose.ts";
import { VisitorConnection } from "./connection.ts";
import type { DeliveryHandlers } from "./delivery.ts";
import { type HostIdentity, tokenUserId } from "./host-api.ts";
import { OfflineFlowLoader } from "./offline-flow-loader.ts";
import { pendingOfflineRequest } from "./offline-pending.ts";
import { Outbox, type OutboxEntry } from "./outbox.ts";
import type { VisitorSocket } from "./request.ts";
import { OutboxSender } from "./sender.ts";
import { dropOtherUsersSession, VisitorSession } from "./session.ts";
import type { KeyValueStore } from "./storage.ts";
import { Store } from "./store.ts";
import { Resyncer } from "./sync.ts";
import { TicketFeed } from "./ticket-feed.ts";

export interface ChatClientOptions {
  serverUrl: string;
  siteKey: string;
  storage: KeyValueStore;
  panelOpen: boolean;
  onUnread?: (count: number) => void;
  /** Who the page says the visitor is (`Parley('identify', …)`): fills the forms, and with a token, the session. */
  identity?: HostIdentity | null;
  /** Each chat message the visitor sees arrive live, either side's; never history loaded by a sync. */
  onMessage?: (message: WidgetMessageEvent) => void;
}

/**
 * The visitor's side of the delivery contract. On every connect: resync what was missed,
 * then resend the outbox in order, one ack at a time. Sends are written to the outbox
 * before they are attempted and leave it only on an ack or a permanent refusal.
 */
export class ChatClient {
  readonly store: Store<ChatState>;
  /** The offline form's request, when support is closed or nobody is online. */
  readonly offline: OfflineFlowLoader;
  /** The visitor's tickets, live; the tickets view (loaded on first use) builds on it. */
  readonly tickets: TicketFeed;
  /** What uploads and downloads need of the visitor's credentials (the files chunk does them). */
  readonly attachments: FileAccess;
  private readonly keys;
  private readonly outbox: Outbox;
  private readonly connection: VisitorConnection;
  private socket: VisitorSocket | null = null;
  /** Bumped on every connect, so work begun on an older connection stops. */
  private epoch = 0;
  /** Synced on the current connection: the outbox may flow. */
  private ready = false;
  private readonly resync = new Resyncer({
    shownConversationId: () => this.store.get().conversationId,
    apply: (page) => {
      this.show(page.conversation);
      const before = this.store.get().messages;
      this.store.update((s) => withMessages(s, page.messages));
      // The first sync of a chat is its history, told to nobody; later ones bring what a disconnection missed.
      if (this.live.has(page.conversation.id)) this.announce(before);
      this.live.add(page.conversation.id);
    },
    forget: () => this.forgetConversation(),
  });
  private readonly sender: OutboxSender;
  private readonly availability = new AvailabilityWatcher(() => this.liveSocket(), {
    changed: (availability) => this.store.update({ availability, refusedOffline: false }),
    failed: () => this.store.update((s) => (s.availability ? s : { ...s, availability: "unknown" })),
  });
  private unread = 0;
  /** Chats whose history this page has loaded (or started here): their new messages are told to the page. */
  private readonly live = new Set<string>();
  /** Typing and "Seen". */
  readonly signals: ChatSignals;

  constructor(private readonly options: ChatClientOptions) {
    this.keys = storageKeys(options.siteKey);
    const identity = options.identity ?? null;
    const userKey = sessionUserKey(options.siteKey);
    dropOtherUsersSession(
      options.storage,
      [this.keys.visitor, this.keys.conversation, this.keys.outbox, offlineRequestKey(options.siteKey)],
      userKey,
      tokenUserId(identity?.token),
    );
    this.outbox = new Outbox(options.storage, this.keys.outbox);
    const offlineKey = offlineRequestKey(options.siteKey);
    this.store = new Store({
      ...initialState(
        options.storage.getItem(this.keys.conversation),
        options.panelOpen,
        pendingOfflineRequest(options.storage, offlineKey),
      ),
      visitorName: identity?.name ?? "",
      visitorEmail: identity?.email ?? "",
    });
    this.offline = new OfflineFlowLoader(options.storage, offlineKey, this.store, () => this.liveSocket());
    this.refreshOutbox();
    this.sender = new OutboxSender(
      this.outbox,
      () => (this.ready && this.socket?.connected ? this.socket : null),
      () => this.store.get().conversationId,
      this.delivery,
      () => this.refreshOutbox(),
    );
    const session = new VisitorSession(options.storage, this.keys.visitor, options.serverUrl, options.siteKey, {
      token: () => identity?.token,
      userKey,
    });
    this.attachments = {
      serverUrl: options.serverUrl,
      siteKey: options.siteKey,
      token: () => session.token,
      rules: FILE_RULES,
    };
    this.tickets = new TicketFeed(() => this.liveSocket());
    this.connection = new VisitorConnection(options.serverUrl, options.siteKey, session, {
      connected: (socket) => this.connected(socket),
      disconnected: () => {
        this.ready = false;
        // Not knowing must not keep the visitor from writing: the outbox delivers once we are back.
        this.store.update((s) => ({ ...s, connection: "offline", availability: s.availability ?? "unknown" }));
      },
      visitorReplaced: () => {
        this.forgetConversation();
        this.tickets.reset();
      },
      unavailable: (reason) => this.store.update({ fatal: reason }),
      message: (m) => this.received(m),
      conversation: (c) => this.conversationChanged(c),
      queue: (q) => this.store.update((s) => withQueue(s, q)),
      availability: (a) => this.availability.pushed(a),
      ticket: (t) => this.tickets.updated(t),
      ticketMessage: (m) => this.tickets.message(m),
      read: (r) => this.signals.read(r),
      typing: (t) => this.signals.heard(t),
    });
    this.signals = new ChatSignals(this.store, () => this.liveSocket());
    addEventListener("storage", this.storageChanged);
  }

  start(): void {
    void this.connection.open();
  }

  destroy(): void {
    this.signals.stop();
    this.sender.stop();
    this.availability.stop();
    this.offline.stop();
    removeEventListener("storage", this.storageChanged);
    this.connection.close();
  }

  // ---- what the visitor does ----

  startChat(draft: StartDraft, environment: Environment): void {
    this.store.update({ startFailure: null, visitorName: draft.name.trim() });
    const { leavingMessage, availability } = this.store.get();
    // Only while support is closed: inside hours a plain start is admitted, and says nothing it should not.
    const closed = typeof availability === "object" && availability !== null && !availability.open;
    this.enqueue(startEntry(draft, environment, leavingMessage && closed));
  }

  /** `attachments` were uploaded to the chat on screen, which is only offered once that chat exists. */
  sendMessage(body: string, attachments: readonly AttachmentRef[] = []): void {
    // Typed while a new chat is starting: it belongs to that chat, whose id is not known
    // yet, not to the ended one still in state.
    this.signals.stopTyping();
    const starting = this.outbox.list().some((e) => e.kind === "start");
    this.enqueue(messageEntry(body, starting ? null : this.store.get().conversationId, attachments));
  }

  /** Outside support hours: the chat form instead of the offline form, for a message answered when support opens. */
  leaveMessage(leaving: boolean): void {
    this.store.update({ leavingMessage: leaving, focusRequest: this.store.get().focusRequest + 1 });
  }

  newChat(): void {
    this.store.update({ composingNew: true, startFailure: null });
  }

  setPanelOpen(open: boolean, focus: boolean): void {
    if (open && this.unread > 0) {
      this.unread = 0;
      this.options.onUnread?.(0);
    }
    this.store.update((s) => ({ ...s, panelOpen: open, focusRequest: s.focusRequest + (open && focus ? 1 : 0) }));
  }

  // ---- connection ----

  private connected(socket: VisitorSocket): void {
    const epoch = ++this.epoch;
    this.socket = socket;
    this.ready = false;
    this.store.update({ connection: "online" });
    void this.availability.refresh();
    this.offline.resend();
    this.tickets.connected();
    void this.resync
      .run(socket, () => epoch === this.epoch)
      .then((synced) => {
        if (!synced) return;
        this.ready = true;
        void this.sender.flush();
      });
  }

  /** A conversation is shown (or changed) on screen; persisted so other pages restore it. */
  private show(conversation: VisitorConversationDto): void {
    const before = this.store.get().conversationId;
    this.store.update((s) => withConversation(s, conversation));
    if (before !== conversation.id) this.options.storage.setItem(this.keys.conversation, conversation.id);
  }

  /** The connection while it is up (the lazy views send through it: ratings and transcripts). */
  liveSocket(): VisitorSocket | null {
    return this.socket?.connected ? this.socket : null;
  }

  private resyncSoon(): void {
    const socket = this.socket;
    if (this.resync.queue() || !this.ready || !socket) return;
    const epoch = this.epoch;
    void this.resync.run(socket, () => epoch === this.epoch);
  }

  private forgetConversation(): void {
    this.store.update(withoutConversation);
    this.options.storage.removeItem(this.keys.conversation);
  }

  /** Names and email the page gave, for forms not yet typed in (a later `identify` of the same user). */
  prefill(identity: HostIdentity | null): void {
    this.store.update((s) => ({
      ...s,
      visitorName: s.visitorName || identity?.name || "",
      visitorEmail: s.visitorEmail || identity?.email || "",
    }));
  }

  // ---- broadcasts ----

  /**
   * A message that arrived live (a broadcast or an ack): shown, and told to the page the first time it shows. A sync
   * adds history through `withMessages` directly, and the page is not told of it.
   */
  private addLive(message: MessageDto): void {
    const before = this.store.get().messages;
    this.store.update((s) => withMessages(s, [message]));
    this.announce(before);
  }

  /** Tells the page of the messages added since `before` (merged by id: an ack and its broadcast are one). */
  private announce(before: readonly MessageDto[]): void {
    const after = this.store.get().messages;
    if (after === before || !this.options.onMessage) return;
    const known = new Set(before.map((m) => m.id));
    for (const m of after) {
      if (!known.has(m.id)) this.options.onMessage({ from: m.author.kind, body: m.body, at: m.createdAt });
    }
  }

  // ---- broadcasts ----

  private received(message: MessageDto): void {
    const before = this.store.get();
    // Another conversation's message: the conversation:updated sent before it decides whether we switch.
    if (message.conversationId !== before.conversationId) return;
    this.signals.received(message);
    this.addLive(message);
    const isNew = this.store.get().messages !== before.messages;
    if (isNew && message.author.kind === "agent" && !before.panelOpen) this.options.onUnread?.(++this.unread);
  }

  private conversationChanged(conversation: VisitorConversationDto): void {
    const { conversationId, conversation: current } = this.store.get();
    if (conversationId === conversation.id) {
      this.store.update((s) => withConversation(s, conversation, true));
      return;
    }
    // Started from another tab or page: follow it unless ours is still going.
    const follow =
      !conversationId ||
      (current !== null && (current.status === "closed" || conversation.createdAt > current.createdAt));
    if (!follow) return;
    // Our own start, heard before its ack: its first sync is news, not history.
    if (this.outbox.list().some((e) => e.kind === "start")) this.live.add(conversation.id);
    this.show(conversation);
    this.resyncSoon();
  }

  // ---- outbox ----

  private readonly delivery: DeliveryHandlers = {
    started: (conversation, message) => {
      this.live.add(conversation.id);
      this.show(conversation);
      this.addLive(message);
      this.store.update({ composingNew: false, startFailure: null });
      // The server reuses an open conversation if one exists: fetch whatever came before.
      this.resyncSoon();
    },
    sent: (message) => this.addLive(message),
    rejected: (entry, reason, code) => {
      if (entry.kind === "start") {
        const draft = {
          name: entry.name ?? "",
          email: entry.email ?? "",
          body: entry.body,
          product: entry.product ?? "",
        };
        const offline = code === "SUPPORT_OFFLINE";
        this.store.update((s) => ({
          ...s,
          startFailure: { reason, draft },
          refusedOffline: offline || s.refusedOffline,
        }));
        // The answer this widget had said a chat could start; find out why not (closed, or nobody online).
        if (offline) void this.availability.refresh();
      } else if (!entry.conversationId && this.store.get().startFailure) {
        // Typed while that start was on its way: it goes back into the form with the first message.
        this.store.update((s) =>
          s.startFailure ? { ...s, startFailure: appendToDraft(s.startFailure, entry.body) } : s,
        );
      } else {
        this.store.update((s) => ({ ...s, failed: [...s.failed, { entry, reason }] }));
      }
    },
  };

  private enqueue(entry: OutboxEntry): void {
    this.outbox.add(entry);
    this.refreshOutbox();
    void this.sender.flush();
  }

  private refreshOutbox(): void {
    this.store.update({ outbox: this.outbox.list() });
  }

  // Another tab changed the shared outbox: show it, but leave the sending to that tab (or
  // to our next connect or send, if it closed first) so each message goes out once.
  private readonly storageChanged = (event: StorageEvent): void => {
    if (event.key === this.keys.outbox) this.refreshOutbox();
  };
}

function appendToDraft(failure: NonNullable<ChatState["startFailure"]>, body: string) {
  return { ...failure, draft: { ...failure.draft, body: `${failure.draft.body}\n\n${body}` } };
}
