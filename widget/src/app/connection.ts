import type {
  AvailabilityDto,
  MessageDto,
  QueueStatusDto,
  ReadMarkDto,
  TicketMessageDto,
  TypingDto,
  VisitorConversationDto,
  VisitorTicketDto,
} from "@parley/shared";
import { SOCKET_NAMESPACES } from "@parley/shared/constants";
import { type ErrorCode, isErrorCode } from "@parley/shared/errors";
import { Backoff } from "./backoff.ts";
import { text } from "./i18n/language.ts";
import type { VisitorSocket } from "./request.ts";
import type { VisitorSession } from "./session.ts";

export interface ConnectionListener {
  connected(socket: VisitorSocket): void;
  disconnected(): void;
  /** The visitor identity was replaced: the old one's conversations are out of reach. */
  visitorReplaced(): void;
  /** The widget cannot work here; retrying will not help. */
  unavailable(reason: string): void;
  message(message: MessageDto): void;
  conversation(conversation: VisitorConversationDto): void;
  queue(status: QueueStatusDto): void;
  availability(availability: AvailabilityDto): void;
  ticket(ticket: VisitorTicketDto): void;
  ticketMessage(message: TicketMessageDto): void;
  read(mark: ReadMarkDto): void;
  typing(typing: TypingDto): void;
}

/**
 * socket.io is a third of the app's weight and nothing on screen needs it to draw: it is its own chunk, fetched as
 * soon as the app runs (in parallel with the visitor token), so the panel paints without waiting for it.
 */
let socketIo: Promise<typeof import("socket.io-client")> | undefined;
function loadSocketIo(): Promise<typeof import("socket.io-client")> {
  socketIo ??= import("socket.io-client").catch((err: unknown) => {
    // A failed fetch is not cached by the module map either: the next connection attempt fetches again.
    socketIo = undefined;
    throw err;
  });
  return socketIo;
}

/** Handshake refusals that no retry or new token can fix. */
const FATAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "NOT_FOUND",
  "ORIGIN_NOT_ALLOWED",
  "FORBIDDEN",
  "BAD_REQUEST",
]);

/**
 * Owns the socket: obtains a visitor token, connects, and keeps reconnecting. socket.io
 * retries transport failures by itself but gives up after a middleware refusal, so those
 * are handled here: an unknown token is replaced, anything transient retried later.
 */
export class VisitorConnection {
  private socket: VisitorSocket | null = null;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff = new Backoff();

  constructor(
    private readonly serverUrl: string,
    private readonly siteKey: string,
    private readonly session: VisitorSession,
    private readonly listener: ConnectionListener,
  ) {}

  async open(): Promise<void> {
    const library = loadSocketIo();
    // Handled where it is awaited below; without this a failed fetch during a slow mint is reported unhandled.
    library.catch(() => undefined);
    const token = this.session.token ?? (await this.mint());
    if (!token || this.closed) return;
    let io: typeof import("socket.io-client")["io"];
    try {
      ({ io } = await library);
    } catch {
      // Offline, or a deploy removed the chunk: try again like any failed connection.
      this.listener.disconnected();
      this.retryOpen();
      return;
    }
    if (this.closed) return;
    const socket: VisitorSocket = io(`${this.serverUrl}${SOCKET_NAMESPACES.visitor}`, {
      // A function, so a reconnect after a token change presents the new token.
      auth: (cb) => cb({ siteKey: this.siteKey, visitorToken: this.session.token ?? "" }),
      transports: ["websocket", "polling"],
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.backoff.reset();
      this.listener.connected(socket);
    });
    socket.on("disconnect", (reason) => {
      this.listener.disconnected();
      // Cut by the server on purpose: socket.io will not come back by itself.
      if (reason === "io server disconnect") this.retryLater();
    });
    socket.on("connect_error", (err) => void this.refused(err));
    socket.on("message:new", (m) => this.listener.message(m));
    socket.on("conversation:updated", (c) => this.listener.conversation(c));
    socket.on("queue:updated", (q) => this.listener.queue(q));
    socket.on("site:availability", (a) => this.listener.availability(a));
    socket.on("ticket:updated", (t) => this.listener.ticket(t));
    socket.on("ticket:message", (m) => this.listener.ticketMessage(m));
    socket.on("conversation:read", (r) => this.listener.read(r));
    socket.on("typing:updated", (t) => this.listener.typing(t));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.disconnect();
    this.socket?.removeAllListeners();
  }

  private async refused(err: Error & { data?: { code?: unknown } }): Promise<void> {
    this.listener.disconnected();
    // Still active means a transport failure, which socket.io retries on its own.
    if (!this.socket || this.socket.active) return;
    const code = err.data?.code;
    if (code === "UNAUTHENTICATED") {
      this.session.forget();
      this.listener.visitorReplaced();
      if (await this.mint()) this.retryLater();
    } else if (isErrorCode(code) && FATAL.has(code)) {
      this.giveUp(code, err.message);
    } else {
      this.retryLater();
    }
  }

  /** A new visitor token, retried until the server answers; null if it refuses for good. */
  private async mint(): Promise<string | null> {
    while (!this.closed) {
      const result = await this.session.mint();
      if (result.ok) return result.token;
      if (result.permanent) {
        this.giveUp(result.error.code, result.error.message);
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, this.backoff.next()));
    }
    return null;
  }

  private giveUp(code: ErrorCode, detail: string): void {
    // The detail is for the site's developer; visitors get a plain sentence.
    console.warn(`Parley: chat is unavailable (${code}: ${detail})`);
    this.listener.unavailable(code === "NOT_FOUND" ? text().notSetUp : text().notAvailableHere);
  }

  private retryOpen(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.closed) void this.open();
    }, this.backoff.next());
  }

  private retryLater(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.closed) this.socket?.connect();
    }, this.backoff.next());
  }
}
