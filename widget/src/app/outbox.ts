import type { ConversationStartInput, Environment, MessageSendInput } from "@parley/shared";
import type { AttachmentRef } from "./attachments.ts";
import type { KeyValueStore } from "./storage.ts";

/**
 * A send the server has not acknowledged yet. Persisted before the first attempt so a
 * reload, a crash or a lost connection never loses what the visitor typed.
 */
export interface OutboxEntry {
  clientMsgId: string;
  kind: "start" | "message";
  /** Absent for a start, and for messages typed before the start was acknowledged. */
  conversationId?: string;
  body: string;
  name?: string;
  email?: string;
  /** A start's product id, if the visitor picked one. */
  product?: string;
  environment?: Environment;
  /** Files already uploaded to the conversation; sent as `attachmentIds` (the names are for the pending bubble). */
  attachments?: AttachmentRef[];
  /** A start left as a message outside support hours. */
  afterHours?: true;
  createdAt: string;
}

/**
 * The outbox lives in localStorage, shared by every tab of the site, so each operation
 * re-reads it and writes back in one synchronous step instead of trusting a cached copy
 * that another tab may have changed meanwhile.
 */
export class Outbox {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  list(): OutboxEntry[] {
    const raw = this.store.getItem(this.key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isOutboxEntry) : [];
    } catch {
      return [];
    }
  }

  add(entry: OutboxEntry): void {
    this.write([...this.list().filter((e) => e.clientMsgId !== entry.clientMsgId), entry]);
  }

  remove(clientMsgId: string): void {
    const entries = this.list();
    const kept = entries.filter((e) => e.clientMsgId !== clientMsgId);
    if (kept.length !== entries.length) this.write(kept);
  }

  private write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.store.removeItem(this.key);
    else this.store.setItem(this.key, JSON.stringify(entries));
  }
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.clientMsgId === "string" &&
    (e.kind === "start" || e.kind === "message") &&
    typeof e.body === "string" &&
    typeof e.createdAt === "string" &&
    (e.conversationId === undefined || typeof e.conversationId === "string") &&
    (e.attachments === undefined || (Array.isArray(e.attachments) && e.attachments.every(isAttachmentRef)))
  );
}

function isAttachmentRef(value: unknown): value is AttachmentRef {
  const a = value as Record<string, unknown> | null;
  return typeof a === "object" && a !== null && typeof a.id === "string" && typeof a.name === "string";
}

/** The `conversation:start` payload of an entry, or null if the entry cannot be one. */
export function startPayload(entry: OutboxEntry): ConversationStartInput | null {
  if (entry.kind !== "start" || !entry.name || !entry.environment) return null;
  const payload: ConversationStartInput = {
    clientMsgId: entry.clientMsgId,
    name: entry.name,
    body: entry.body,
    environment: entry.environment,
  };
  // The schema rejects "" as an email: an empty field means "not given".
  if (entry.email) payload.email = entry.email;
  if (typeof entry.product === "string" && entry.product) payload.product = entry.product;
  if (entry.afterHours === true) payload.afterHours = true;
  return payload;
}

/**
 * The `message:send` payload of an entry. Messages typed while the chat was still
 * starting carry no conversation id and go to the one the start created.
 */
export function sendPayload(entry: OutboxEntry, currentConversationId: string | null): MessageSendInput | null {
  const conversationId = entry.conversationId ?? currentConversationId;
  if (entry.kind !== "message" || !conversationId) return null;
  const payload: MessageSendInput = { conversationId, clientMsgId: entry.clientMsgId, body: entry.body };
  if (entry.attachments?.length) payload.attachmentIds = entry.attachments.map((a) => a.id);
  return payload;
}
