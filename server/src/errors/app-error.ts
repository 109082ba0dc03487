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
    return new AppError("INTERNAL", "Internal error", { cause: err });
  }
}
