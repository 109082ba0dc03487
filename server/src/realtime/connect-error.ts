import { AppError } from "../errors/app-error.ts";

/**
 * Socket.IO hands a middleware error to the client as `connect_error`, with
 * `message` and `data`; only the public code and message go out.
 */
export function toConnectError(err: unknown): Error & { data: { code: string } } {
  const appError = AppError.from(err);
  return Object.assign(new Error(appError.message), { data: { code: appError.code } });
}
