import type { ErrorRequestHandler } from "express";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";

/** The last Express middleware: every failure leaves as `{ok:false, error:{code,message}}`, like an ack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const appError = bodyParserError(err) ?? AppError.from(err);
    if (appError.code === "INTERNAL") logger.error({ err }, "request failed");
    res.status(appError.httpStatus).json({ ok: false, error: appError.toBody() });
  };
}

function bodyParserError(err: unknown): AppError | null {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === "entity.too.large") return new AppError("PAYLOAD_TOO_LARGE", "Request body is too large");
  if (type === "entity.parse.failed") return new AppError("BAD_REQUEST", "Request body is not valid JSON");
  return null;
}
