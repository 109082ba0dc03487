// Typing indicators on the client side, for the widget and the console alike. Pure logic with the time
// passed in, so its tests need no timers; the caller owns the timers and the socket.

import { TYPING_EXPIRY_MS, TYPING_REFRESH_MS } from "./constants.ts";
import type { ChatSide, TypingDto } from "./schemas/chat-signals.ts";

/**
 * When a composer says it is typing: "true" on the first key and again at most every TYPING_REFRESH_MS while
 * keys are pressed (so the other side's indicator, which expires, stays up), "false" once on send, blur, an
 * emptied box or TYPING_REFRESH_MS without a key (`idle`).
 */
export class TypingSender {
  private sentAt: number | null = null;
  private lastKeyAt = 0;

  constructor(private readonly send: (typing: boolean) => void) {}

  /** The text changed at `now`. */
  input(now: number, hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    this.lastKeyAt = now;
    if (this.sentAt === null || now - this.sentAt >= TYPING_REFRESH_MS) {
      this.sentAt = now;
      this.send(true);
    }
  }

  /** Checked some time after a key: stops once no key came for TYPING_REFRESH_MS. */
  idle(now: number): void {
    if (this.sentAt !== null && now - this.lastKeyAt >= TYPING_REFRESH_MS) this.stop();
  }

  /** Sent, blurred, or the chat left. */
  stop(): void {
    if (this.sentAt === null) return;
    this.sentAt = null;
    this.send(false);
  }
}

export interface Typist {
  conversationId: string;
  side: ChatSide;
  name: string;
}

/**
 * Who is typing on the other side, as last heard. An indicator not refreshed within TYPING_EXPIRY_MS is dropped:
 * a tab closed mid-word, or a lost "stopped", must not leave it up for good.
 */
export class RemoteTyping {
  private readonly until = new Map<string, { typist: Typist; until: number }>();

  /** Applies a `typing:updated`; true when who is typing changed. */
  heard(dto: TypingDto, now: number): boolean {
    const key = `${dto.conversationId}\n${dto.side}\n${dto.name}`;
    const had = this.until.has(key);
    if (dto.typing) {
      this.until.set(key, {
        typist: { conversationId: dto.conversationId, side: dto.side, name: dto.name },
        until: now + TYPING_EXPIRY_MS,
      });
    } else {
      this.until.delete(key);
    }
    return had !== dto.typing;
  }

  /** Their message arrived: they stopped typing it. True when that changed anything. */
  spoke(conversationId: string, side: ChatSide, name: string): boolean {
    return this.heard({ conversationId, side, name, typing: false }, 0);
  }

  /** Drops what expired by `now`; true when anything did. */
  expire(now: number): boolean {
    let changed = false;
    for (const [key, entry] of this.until) {
      if (entry.until <= now) {
        this.until.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  /** Who is typing anywhere, in the order they started. */
  all(): Typist[] {
    return [...this.until.values()].map((e) => e.typist);
  }

  /** Who is typing in a conversation. */
  typing(conversationId: string): Typist[] {
    return this.all().filter((t) => t.conversationId === conversationId);
  }

  /** Milliseconds from `now` until the next indicator expires; null when none is up. */
  nextExpiry(now: number): number | null {
    let next: number | null = null;
    for (const { until } of this.until.values()) next = next === null ? until : Math.min(next, until);
    return next === null ? null : Math.max(0, next - now);
  }
}

/** "Ana is typing…", "Ana and Sue are typing…"; empty when no one is. */
export function typingText(names: readonly string[]): string {
  if (names.length === 0) return "";
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${who} ${names.length === 1 ? "is" : "are"} typing…`;
}
