import type { MessageDto, ReadMarkDto, TypingDto } from "@parley/shared";
import { TYPING_REFRESH_MS } from "@parley/shared/constants";
import { RemoteTyping, TypingSender, typingText } from "@parley/shared/typing";
import { createStore, type Store } from "../state/store.ts";
import type { RealtimeContext } from "./context.ts";
import { command } from "./socket.ts";

export interface SignalsState {
  /** Per conversation: who is typing there now (the visitor, or a colleague), worded: "Vera is typing…". */
  typing: Readonly<Record<string, string>>;
  /** Per conversation: the visitor's read mark as pushed since the chat was loaded. */
  seenByVisitor: Readonly<Record<string, number>>;
}

/**
 * Typing and "Seen" in the console. Neither is a message: typing is throttled and never retried, a
 * read mark goes out again only when more arrived. Kept in its own small store, apart from the session's, and
 * loaded in its own chunk after sign-in (ConsoleSession.loadSignals), off the main chunk's budget.
 */
export class ChatSignals {
  readonly store: Store<SignalsState> = createStore<SignalsState>({ typing: {}, seenByVisitor: {} });
  private readonly remote = new RemoteTyping();
  private readonly sender = new TypingSender((typing) => {
    const { conversationId, internal } = this.target;
    void command(this.ctx.socket, "typing:set", { conversationId, typing, ...(internal ? { internal } : {}) });
  });
  private target = { conversationId: "", internal: false };
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Per conversation, the read mark last sent (or on its way). */
  private readonly readSent = new Map<string, number>();

  constructor(private readonly ctx: RealtimeContext) {
    ctx.socket.on("typing:updated", (t) => this.heard(t));
    ctx.socket.on("conversation:read", (m) => this.read(m));
    ctx.socket.on("message:new", (m) => this.spoke(m));
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.expiryTimer);
  }

  /** The agent typed in a chat's composer (`internal`: a note or whisper). */
  input(conversationId: string, hasText: boolean, internal = false): void {
    if (conversationId !== this.target.conversationId || internal !== this.target.internal) {
      this.sender.stop();
      this.target = { conversationId, internal };
    }
    this.sender.input(Date.now(), hasText);
    clearTimeout(this.idleTimer);
    if (hasText) this.idleTimer = setTimeout(() => this.sender.idle(Date.now()), TYPING_REFRESH_MS);
  }

  /** Sent, left the box, or left the chat. */
  stopTyping(): void {
    clearTimeout(this.idleTimer);
    this.sender.stop();
  }

  /**
   * The chat is on screen in a visible tab, and this agent answers it: reads up to `seq` when someone else's
   * message (`othersSeq`) came after the last mark sent.
   */
  markRead(conversationId: string, seq: number, othersSeq: number): void {
    const sent = this.readSent.get(conversationId) ?? 0;
    if (othersSeq <= sent || !this.ctx.socket.connected) return;
    this.readSent.set(conversationId, seq);
    void command(this.ctx.socket, "conversation:read", { conversationId, seq }).then((result) => {
      if (!result.ok && this.readSent.get(conversationId) === seq) this.readSent.set(conversationId, sent);
    });
  }

  private heard(typing: TypingDto): void {
    if (this.remote.heard(typing, Date.now())) this.show();
  }

  private spoke(message: MessageDto): void {
    const { conversationId, author } = message;
    if (author.kind !== "system" && this.remote.spoke(conversationId, author.kind, author.name)) this.show();
    // As on the server: a visitor who writes has read what came before.
    if (author.kind === "visitor") this.read({ conversationId, side: "visitor", seq: message.seq });
  }

  private read(mark: ReadMarkDto): void {
    if (mark.side !== "visitor") return;
    this.store.update((s) =>
      (s.seenByVisitor[mark.conversationId] ?? 0) >= mark.seq
        ? s
        : { ...s, seenByVisitor: { ...s.seenByVisitor, [mark.conversationId]: mark.seq } },
    );
  }

  private show(): void {
    const now = Date.now();
    this.remote.expire(now);
    const names: Record<string, string[]> = {};
    for (const t of this.remote.all()) names[t.conversationId] = [...(names[t.conversationId] ?? []), t.name];
    const typing: Record<string, string> = {};
    for (const [id, list] of Object.entries(names)) typing[id] = typingText(list);
    this.store.update((s) => ({ ...s, typing }));
    clearTimeout(this.expiryTimer);
    const next = this.remote.nextExpiry(now);
    if (next !== null) this.expiryTimer = setTimeout(() => this.show(), next);
  }
}
