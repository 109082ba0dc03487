// The closed set of error codes a client can receive, in an ack or an HTTP body.
// Clients branch on `code`; `message` is for humans and may change.

export const ERROR_CODES = [
  "BAD_REQUEST",
  "MESSAGE_TOO_LONG",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "ORIGIN_NOT_ALLOWED",
  "NOT_FOUND",
  "CONFLICT",
  "CONVERSATION_CLOSED",
  /** The agent already has as many chats as their capacity allows. */
  "AT_CAPACITY",
  /** Support is closed or nobody is online: new chats go through the offline form. */
  "SUPPORT_OFFLINE",
  /** A ticket for a customer with no free window left and no paid support, on a site that refuses those. */
  "NOT_ENTITLED",
  /** The site accepts only visitors whose identity its server signed, and none was given. */
  "IDENTITY_REQUIRED",
  /** An identity token whose signature is wrong, that has expired, or that claims more than 24 hours. */
  "IDENTITY_INVALID",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  /** An attachment whose content is not an allowed type (images, text and logs, zip, pdf). */
  "UNSUPPORTED_MEDIA_TYPE",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** For BAD_REQUEST: every problem found, so a form can mark each field; `path` is dotted ("weekly.2.end"). */
  issues?: { path: string; message: string }[];
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckCallback<T> = (result: Ack<T>) => void;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}
