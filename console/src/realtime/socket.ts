import type {
  AckData,
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  CommandPayload,
  TimedCommands,
} from "@parley/shared";
import { ACK_TIMEOUT_MS, SOCKET_NAMESPACES } from "@parley/shared/constants";
import type { Ack, ErrorBody } from "@parley/shared/errors";
import { io, type Socket } from "socket.io-client";

export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
export type CommandName = keyof AgentClientToServerEvents;

/**
 * An ack, or `unanswered` when none came back in time or the socket dropped first.
 * The two must stay apart: an unanswered command may still have been applied.
 */
export type CommandResult<T> = Ack<T> | { ok: false; unanswered: true; error: ErrorBody };

const UNANSWERED: ErrorBody = { code: "UNAVAILABLE", message: "No answer from the server yet." };

/** The session cookie authenticates the socket, so the socket is always same-origin. */
export function createAgentSocket(): AgentSocket {
  return io(SOCKET_NAMESPACES.agent, {
    transports: ["websocket", "polling"],
    withCredentials: true,
    autoConnect: false,
  });
}

export async function command<K extends CommandName>(
  socket: AgentSocket,
  event: K,
  payload: CommandPayload<AgentClientToServerEvents, K>,
): Promise<CommandResult<AckData<AgentClientToServerEvents, K>>> {
  // socket.io's typings cannot follow a generic event name through timeout(); TimedCommands is
  // that socket as the map declares it.
  const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as TimedCommands<AgentClientToServerEvents>;
  try {
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, unanswered: true, error: UNANSWERED };
  }
}

export function isUnanswered<T>(result: CommandResult<T>): boolean {
  return !result.ok && "unanswered" in result;
}

/** What to show for a failed command: an unanswered one gets `unanswered`, which says what to check first. */
export function failureOf(result: Exclude<CommandResult<unknown>, { ok: true }>, unanswered: string): ErrorBody {
  return "unanswered" in result ? { ...result.error, message: unanswered } : result.error;
}
