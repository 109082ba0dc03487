import type { MessageDto, ReadMarkDto, TypingDto } from "@parley/shared";
import { TYPING_REFRESH_MS } from "@parley/shared/constants";
import { RemoteTyping, TypingSender } from "@parley/shared/typing";
import { type ChatState, withAgentRead } from "./chat-state.ts";
import { request, type VisitorSocket } from "./request.ts";
import type { Store } from "./store.ts";

/**
 * Typing and "Seen" in the widget. Neither is a message: typing goes out throttled and is never
 * retried, and a read mark is sent again only when more arrived, so a lost one costs nothing.
 */
export class ChatSignals {
  private readonly remote = new RemoteTyping();
  private readonly sender = new TypingSender((typing) => this.sendTyping(typing));
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The read mark last sent (or on its way). */
  private readSent = { conversationId: "", seq: 0 };
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store<ChatState>,
    private readonly socket: () => VisitorSocket | null,
  ) {
    // Whatever changed (a message, the panel opened, back online) may have made something readable.
    this.unsubscribe = store.subscribe(() => this.markRead());
    document.addEventListener("visibilitychange", this.markRead);
  }

  stop(): void {
    this.unsubscribe();
    document.removeEventListener("visibilitychange", this.markRead);
    clearTimeout(this.idleTimer);
    clearTimeout(this.expiryTimer);
  }

  /** The visitor typed (or emptied the box). */
  input(hasText: boolean): void {
    this.sender.input(Date.now(), hasText);
    clearTimeout(this.idleTimer);
    if (hasText) this.idleTimer = setTimeout(() => this.sender.idle(Date.now()), TYPING_REFRESH_MS);
  }

  /** Sent, or left the box. */
  stopTyping(): void {
    clearTimeout(this.idleTimer);
    this.sender.stop();
  }

  heard(typing: TypingDto): void {
    if (typing.side === "agent" && this.remote.heard(typing, Date.now())) this.showTyping();
  }

  received(message: MessageDto): void {
    const { conversationId, author } = message;
    if (author.kind !== "agent") return;
    if (this.remote.spoke(conversationId, "agent", author.name)) this.showTyping();
    // As on the server: who replies has read what came before.
    this.read({ conversationId, side: "agent", seq: message.seq });
  }

  read(mark: ReadMarkDto): void {
    if (mark.side === "agent") this.store.update((s) => withAgentRead(s, mark.conversationId, mark.seq));
  }

  private sendTyping(typing: boolean): void {
    const socket = this.socket();
    const { conversationId, conversation } = this.store.get();
    if (socket && conversationId && conversation?.status !== "closed") {
      void request(socket, "typing:set", { conversationId, typing });
    }
  }

  private showTyping(): void {
    const now = Date.now();
    this.remote.expire(now);
    const id = this.store.get().conversationId;
    const names = id ? this.remote.typing(id).map((t) => t.name) : [];
    this.store.update((s) => (s.typing.join("\n") === names.join("\n") ? s : { ...s, typing: names }));
    clearTimeout(this.expiryTimer);
    const next = this.remote.nextExpiry(now);
    if (next !== null) this.expiryTimer = setTimeout(() => this.showTyping(), next);
  }

  /** Read = shown: the panel is open on a visible page. Only others' messages need it (one's own are read). */
  private readonly markRead = (): void => {
    const s = this.store.get();
    const socket = this.socket();
    const id = s.conversationId;
    const last = s.messages.at(-1);
    if (!socket || !id || !last || !s.panelOpen || document.visibilityState !== "visible") return;
    if (s.conversation?.status === "closed") return;
    const before = this.readSent.conversationId === id ? this.readSent.seq : 0;
    if (last.seq <= before) return;
    const mark = { conversationId: id, seq: last.seq };
    this.readSent = mark;
    if (!s.messages.some((m) => m.seq > before && m.author.kind !== "visitor")) return;
    void request(socket, "conversation:read", mark).then((answer) => {
      // Not stored: let the next change try again.
      if (!answer.ok && this.readSent === mark) this.readSent = { conversationId: id, seq: before };
    });
  };
}
