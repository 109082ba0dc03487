import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Logger } from "../logging/logger.ts";
import type { Limit } from "../security/rate-limits.ts";
import type { EmailIntake } from "./email-intake.ts";

export interface SmtpReceiverOptions {
  port: number;
  host: string;
  /** Client addresses allowed to deliver; empty: any client that can reach host:port. */
  allowedClients: readonly string[];
  /** Largest message (SMTP SIZE): announced, and a larger one is refused with 552. */
  maxBytes: number;
  perSender: Limit;
  logger: Logger;
}

/** An SMTP reply with its code, as smtp-server sends an error's `responseCode`. */
const reply = (code: number, text: string): Error => Object.assign(new Error(text), { responseCode: code });

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) is 127.0.0.1. */
const plainAddress = (ip: string): string => ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/**
 * The inbound SMTP receiver (smtp-server): the support address's mail server forwards to it (SMTP_INBOUND_PORT)
 * and each message goes to the same intake the IMAP poller uses. No AUTH: it is meant for a forwarder on the same
 * machine or network, and is limited by where it listens (SMTP_INBOUND_HOST, loopback by default) and, optionally,
 * which clients may connect (SMTP_INBOUND_ALLOWED_CLIENTS). It takes mail only for the support addresses (others are
 * 550 at RCPT TO, so it is no relay), defers a sender over its rate (451), refuses messages over the size (552), and
 * answers 250 only once the email is stored: a database failure is a 451, and the forwarder tries again later.
 */
export class SmtpReceiver {
  private readonly server: SMTPServer;
  private readonly taking = new Set<Promise<unknown>>();

  constructor(
    private readonly intake: EmailIntake,
    private readonly opts: SmtpReceiverOptions,
  ) {
    const allowed = new Set(opts.allowedClients.map(plainAddress));
    this.server = new SMTPServer({
      name: "parley",
      banner: "Parley ticket intake",
      size: opts.maxBytes,
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      disableReverseLookup: true,
      logger: false,
      // In-flight deliveries get this long to finish when the server stops.
      closeTimeout: 5_000,
      onConnect: (session, callback) => {
        if (allowed.size > 0 && !allowed.has(plainAddress(session.remoteAddress))) {
          opts.logger.warn({ event: "inbound_smtp_refused_client" }, "SMTP client not allowed");
          return callback(reply(554, "5.7.1 Not allowed to deliver here"));
        }
        callback();
      },
      onMailFrom: (address, _session, callback) => {
        // The null reverse-path (bounces) is not counted per sender: the intake ignores bounces anyway.
        if (address.address === "") return callback();
        void opts.perSender
          .take(address.address.toLowerCase())
          .then((ok) =>
            callback(ok ? undefined : reply(451, "4.7.1 Too many messages from this sender; try again later")),
          );
      },
      onRcptTo: (address, _session, callback) => {
        callback(this.intake.accepts(address.address) ? undefined : reply(550, "5.1.1 No such mailbox here"));
      },
      onData: (stream, session, callback) => {
        const taking = this.receive(stream, session).then(
          (error) => callback(error ?? undefined),
          (err: unknown) => {
            opts.logger.error({ err, event: "inbound_email_failed" }, "email not taken in");
            callback(reply(451, "4.3.0 Could not store the message; try again later"));
          },
        );
        this.taking.add(taking);
        void taking.finally(() => this.taking.delete(taking));
      },
    });
    this.server.on("error", (err) => opts.logger.warn({ err, event: "inbound_smtp_error" }, "SMTP receiver error"));
  }

  /** Reads the message (up to the size limit), hands it to the intake, and says what to answer. */
  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<Error | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Past the limit the rest is read and dropped: the client is told 552 once it has sent it all.
      if (size <= this.opts.maxBytes) chunks.push(chunk);
    }
    if (stream.sizeExceeded || size > this.opts.maxBytes) {
      this.opts.logger.info({ event: "inbound_email_refused", reason: "too_large", size }, "email too large");
      return reply(552, `5.3.4 Message larger than ${this.opts.maxBytes} bytes`);
    }
    const mailFrom = session.envelope.mailFrom;
    const outcome = await this.intake.take(Buffer.concat(chunks), {
      from: mailFrom ? mailFrom.address : "",
      to: session.envelope.rcptTo.map((r) => r.address),
    });
    return outcome.kind === "refused" ? reply(550, `5.7.1 ${outcome.message}`) : null;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once("error", reject);
      this.server.listen(this.opts.port, this.opts.host, () => {
        this.server.server.off("error", reject);
        resolve();
      });
    });
  }

  /** The port it listens on (SMTP_INBOUND_PORT=0 picks a free one). */
  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Stops accepting, and waits for the messages being taken in (their connections get closeTimeout to finish). */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.allSettled([...this.taking]);
  }
}
