import type { ErrorBody, ErrorCode } from "@parley/shared/errors";

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  MESSAGE_TOO_LONG: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONVERSATION_CLOSED: 409,
  AT_CAPACITY: 409,
  SUPPORT_OFFLINE: 503,
  NOT_ENTITLED: 403,
  IDENTITY_REQUIRED: 401,
  IDENTITY_INVALID: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The one error type that crosses to clients. Anything else is wrapped as INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;

  readonly issues: ErrorBody["issues"];

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; issues?: ErrorBody["issues"] }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.issues = options?.issues;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  /** Only these fields leave the server: no stack, no cause. */
  toBody(): ErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static from(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (isDatabaseUnreachable(err)) {
      return new AppError("UNAVAILABLE", "The database is unreachable for a moment; try again", { cause: err });
    }
    return new AppError("INTERNAL", "Internal error", { cause: err });
  }
}

/**
 * The driver's errors for "no database to talk to right now" (a write cut by a dying connection, no server to
 * select, a cleared pool), by name so this module needs no driver import. They are retryable: the client gets
 * UNAVAILABLE, not INTERNAL, and tries again.
 */
const UNREACHABLE = new Set([
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoServerSelectionError",
  "MongooseServerSelectionError",
  "MongoNotConnectedError",
  "MongoPoolClearedError",
  "MongoTopologyClosedError",
  "MongoServerClosedError",
]);

function isDatabaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (UNREACHABLE.has(e.name)) return true;
    // Mongoose queues operations while it is disconnected and gives up with this message.
    if (e.name === "MongooseError" && /buffering timed out/.test(e.message)) return true;
  }
  return false;
}
