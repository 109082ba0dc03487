import type { Ack } from "@parley/shared/errors";
import type { VisitorSocket } from "../request.ts";

export interface Call {
  event: string;
  payload: Record<string, unknown>;
}

/**
 * Just enough of a socket.io client socket for `request()`: `connected`, and
 * `timeout(ms).emit(event, payload, cb)`. Each call is answered by `reply`; returning
 * undefined simulates a lost ack (timeout or disconnect).
 */
export function fakeSocket(reply: (call: Call) => Ack<unknown> | undefined) {
  const calls: Call[] = [];
  const socket = {
    connected: true,
    timeout() {
      return socket;
    },
    emit(event: string, payload: Record<string, unknown>, cb: (err: Error | null, res?: unknown) => void) {
      const call = { event, payload };
      calls.push(call);
      const answer = reply(call);
      queueMicrotask(() => (answer ? cb(null, answer) : cb(new Error("operation has timed out"))));
    },
  };
  return { socket: socket as unknown as VisitorSocket, calls, raw: socket };
}
