import type {
  AckData,
  CommandPayload,
  TimedCommands,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from "@parley/shared";
import { ACK_TIMEOUT_MS } from "@parley/shared/constants";
import type { Ack } from "@parley/shared/errors";
import type { Socket } from "socket.io-client";

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

type Events = VisitorClientToServerEvents;
export type EventName = keyof Events;
export type Payload<K extends EventName> = CommandPayload<Events, K>;
export type Reply<K extends EventName> = AckData<Events, K>;

/**
 * No answer: the ack timed out or the connection dropped first. The server may or may not
 * have acted, which is why every command is idempotent and simply sent again.
 */
export const NO_ANSWER = { ok: false, error: null } as const;
export type Answer<T> = Ack<T> | typeof NO_ANSWER;

/** Emits a command and resolves with its ack, or NO_ANSWER; never rejects. */
export function request<K extends EventName>(
  socket: VisitorSocket,
  event: K,
  payload: Payload<K>,
): Promise<Answer<Reply<K>>> {
  return new Promise((resolve) => {
    // socket.io buffers emits made while offline and flushes them on reconnect, after our
    // own resend: refuse instead, the outbox is the one place that retries.
    if (!socket.connected) {
      resolve(NO_ANSWER);
      return;
    }
    // socket.io's typings cannot follow a generic event name through timeout(); TimedCommands is
    // that socket as the map declares it.
    (socket.timeout(ACK_TIMEOUT_MS) as unknown as TimedCommands<Events>).emit(event, payload, (err, reply) => {
      resolve(err ? NO_ANSWER : asAck<Reply<K>>(reply));
    });
  });
}

function asAck<T>(value: unknown): Ack<T> {
  if (typeof value === "object" && value !== null && "ok" in value) return value as Ack<T>;
  return { ok: false, error: { code: "INTERNAL", message: "Malformed reply" } };
}
