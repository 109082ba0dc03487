import type { MessageDto } from "@parley/shared";
import type { ErrorBody, ErrorCode } from "@parley/shared/errors";

/**
 * - sending: emitted, waiting for the ack
 * - waiting: not confirmed (no ack in time, disconnected, or a transient error); resent
 *   with the same clientMsgId, which the server deduplicates
 * - failed: refused for good; shown with the reason until the agent discards it
 */
export type OutboxStatus = "sending" | "waiting" | "failed";

export interface OutboxEntry {
  readonly clientMsgId: string;
  readonly conversationId: string;
  readonly body: string;
  /** Files already uploaded to the conversation, sent with the message. */
  readonly attachmentIds?: readonly string[];
  readonly status: OutboxStatus;
  readonly error: ErrorBody | null;
}

export type Outbox = readonly OutboxEntry[];

/** Errors that a later attempt with the same clientMsgId can get past. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(["UNAVAILABLE", "RATE_LIMITED", "INTERNAL", "UNAUTHENTICATED"]);

export function isTransient(code: ErrorCode): boolean {
  return TRANSIENT.has(code);
}

export function enqueue(outbox: Outbox, entry: Omit<OutboxEntry, "status" | "error">): Outbox {
  return [...outbox, { ...entry, status: "sending", error: null }];
}

export function setStatus(
  outbox: Outbox,
  clientMsgId: string,
  status: OutboxStatus,
  error: ErrorBody | null = null,
): Outbox {
  return outbox.map((e) => (e.clientMsgId === clientMsgId ? { ...e, status, error } : e));
}

export function remove(outbox: Outbox, clientMsgId: string): Outbox {
  return outbox.filter((e) => e.clientMsgId !== clientMsgId);
}

/** Entries whose last attempt went unconfirmed: they go again, under the same clientMsgId. */
export function resendable(outbox: Outbox): OutboxEntry[] {
  return outbox.filter((e) => e.status === "waiting");
}

/** Drops entries the server has already stored (seen via a resync before their ack came). */
export function withoutDelivered(outbox: Outbox, delivered: readonly MessageDto[]): Outbox {
  if (outbox.length === 0) return outbox;
  const ids = new Set(delivered.map((m) => m.clientMsgId));
  const kept = outbox.filter((e) => !ids.has(e.clientMsgId));
  return kept.length === outbox.length ? outbox : kept;
}

export function pendingFor(outbox: Outbox, conversationId: string): OutboxEntry[] {
  return outbox.filter((e) => e.conversationId === conversationId);
}

/** An idempotency key. randomUUID only exists in secure contexts; plain-http installs need the fallback. */
export function newClientMsgId(
  cryptoApi: Pick<Crypto, "getRandomValues"> & Partial<Pick<Crypto, "randomUUID">> = crypto,
): string {
  if (typeof cryptoApi.randomUUID === "function") return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
