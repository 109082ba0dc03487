import type { ErrorBody, ErrorCode } from "@parley/shared/errors";
import { text } from "./i18n/language.ts";

/**
 * Codes that mean "this exact request will never succeed": resending is pointless, so
 * the send leaves the outbox and the visitor is told. Anything else (timeouts,
 * RATE_LIMITED, UNAVAILABLE, INTERNAL) is kept and retried.
 */
const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "BAD_REQUEST",
  "MESSAGE_TOO_LONG",
  "CONVERSATION_CLOSED",
  "NOT_FOUND",
  "FORBIDDEN",
  "PAYLOAD_TOO_LARGE",
  "ORIGIN_NOT_ALLOWED",
  // Permanent for that start only: its text moves into the offline form rather than being retried until
  // support opens, which may be days away.
  "SUPPORT_OFFLINE",
]);

export function isPermanent(error: ErrorBody): boolean {
  return PERMANENT.has(error.code);
}

/** Wording for visitors; the server's messages are written for developers. */
export function describeError(error: ErrorBody): string {
  const t = text().errors;
  switch (error.code) {
    case "MESSAGE_TOO_LONG":
      return t.messageTooLong;
    case "CONVERSATION_CLOSED":
      return t.chatEnded;
    case "NOT_FOUND":
      return t.chatGone;
    case "RATE_LIMITED":
      return t.tooManyMessages;
    case "SUPPORT_OFFLINE":
      return t.noAgent;
    case "BAD_REQUEST":
      return error.message;
    default:
      return t.somethingWrong;
  }
}
