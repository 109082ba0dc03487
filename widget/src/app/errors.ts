import type { ErrorBody, ErrorCode } from "@parley/shared/errors";

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
  switch (error.code) {
    case "MESSAGE_TOO_LONG":
      return "the message is too long";
    case "CONVERSATION_CLOSED":
      return "this chat has ended";
    case "NOT_FOUND":
      return "this chat no longer exists";
    case "RATE_LIMITED":
      return "too many messages, please wait a moment";
    case "SUPPORT_OFFLINE":
      return "no agent is available right now";
    case "BAD_REQUEST":
      return error.message;
    default:
      return "something went wrong";
  }
}
