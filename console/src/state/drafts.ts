import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";

/** Drafts kept per agent: beyond this, the one changed longest ago goes. */
export const MAX_DRAFTS = 50;
const PREFIX = "parley:draft:";

/**
 * An agent's unsent composer text per chat, kept in localStorage under the agent's id and the chat's, so
 * it survives switching chats and reloading, and one agent's drafts never show to another signed in on the same
 * browser. Cleared on send (the composer empties) and when the chat closes. Storage refused (private mode, full)
 * leaves the drafts in memory for the session.
 */
export class Drafts {
  /** Conversation id → text, oldest change first. */
  private readonly texts = new Map<string, string>();
  private readonly prefix: string;

  constructor(
    private readonly storage: Storage | null,
    agentId: string,
  ) {
    this.prefix = `${PREFIX}${agentId}:`;
    try {
      for (let i = 0; storage && i < storage.length; i++) {
        const key = storage.key(i);
        const text = key?.startsWith(this.prefix) ? storage.getItem(key) : null;
        if (key && text) this.texts.set(key.slice(this.prefix.length), text);
      }
    } catch {
      // Unreadable storage: start empty.
    }
  }

  get(conversationId: string): string | undefined {
    return this.texts.get(conversationId);
  }

  set(conversationId: string, text: string): void {
    const kept = text.slice(0, 2 * MAX_MESSAGE_LENGTH);
    this.texts.delete(conversationId);
    this.texts.set(conversationId, kept);
    this.write(conversationId, kept);
    while (this.texts.size > MAX_DRAFTS) this.delete(this.texts.keys().next().value as string);
  }

  delete(conversationId: string): void {
    if (this.texts.delete(conversationId)) this.write(conversationId, null);
  }

  private write(conversationId: string, text: string | null): void {
    try {
      if (text === null) this.storage?.removeItem(this.prefix + conversationId);
      else this.storage?.setItem(this.prefix + conversationId, text);
    } catch {
      // Full or refused: the draft still lives in memory until the tab closes.
    }
  }
}

/** The browser's localStorage, or null where it is not available at all. */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
