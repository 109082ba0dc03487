import type { Socket } from "socket.io";
import { toConnectError } from "./connect-error.ts";

/**
 * A namespace middleware that authenticates the handshake once, stores what it learned in
 * `socket.data`, and refuses with a coded `connect_error` otherwise.
 */
export function authenticateHandshake<S extends Socket>(authenticate: (socket: S) => Promise<S["data"]>) {
  return (socket: S, next: (err?: Error) => void): void => {
    authenticate(socket).then(
      (data) => {
        socket.data = data;
        next();
      },
      (err: unknown) => next(toConnectError(err)),
    );
  };
}
