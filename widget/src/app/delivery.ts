import type { MessageDto, VisitorConversationDto } from "@parley/shared";
import type { ErrorBody, ErrorCode } from "@parley/shared/errors";
import { describeError, isPermanent } from "./errors.ts";
import { text } from "./i18n/language.ts";
import { type OutboxEntry, sendPayload, startPayload } from "./outbox.ts";
import { request, type VisitorSocket } from "./request.ts";

export interface DeliveryHandlers {
  started(conversation: VisitorConversationDto, message: MessageDto): void;
  sent(message: MessageDto): void;
  /**
   * The server refused for good: the visitor must be told (the entry leaves the outbox either way).
   * `code` is null when the entry could not even be sent.
   */
  rejected(entry: OutboxEntry, reason: string, code: ErrorCode | null): void;
}

/**
 * Sends one outbox entry and reports how it ended: "done" (acknowledged, or refused for
 * good) takes it out of the outbox; "retry" leaves it there, and since the server dedups
 * by clientMsgId, sending it again later is always safe.
 */
export async function deliver(
  socket: VisitorSocket,
  entry: OutboxEntry,
  currentConversationId: string | null,
  handlers: DeliveryHandlers,
): Promise<"done" | "retry"> {
  if (entry.kind === "start") {
    const payload = startPayload(entry);
    if (!payload) return reject(entry, text().errors.incomplete, handlers);
    const answer = await request(socket, "conversation:start", payload);
    if (answer.ok) {
      handlers.started(answer.data.conversation, answer.data.message);
      return "done";
    }
    return settle(entry, answer.error, handlers);
  }

  const payload = sendPayload(entry, currentConversationId);
  if (!payload) return reject(entry, text().errors.notStarted, handlers);
  const answer = await request(socket, "message:send", payload);
  if (answer.ok) {
    handlers.sent(answer.data.message);
    return "done";
  }
  return settle(entry, answer.error, handlers);
}

function settle(entry: OutboxEntry, error: ErrorBody | null, handlers: DeliveryHandlers): "done" | "retry" {
  if (!error || !isPermanent(error)) return "retry";
  return reject(entry, describeError(error), handlers, error.code);
}

function reject(entry: OutboxEntry, reason: string, handlers: DeliveryHandlers, code: ErrorCode | null = null): "done" {
  handlers.rejected(entry, reason, code);
  return "done";
}
