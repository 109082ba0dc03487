import type { AttachmentStore } from "../attachments/attachment-store.ts";
import type { Leases } from "../cluster/leases.ts";
import type { Config } from "../config/config.ts";
import type { Logger } from "../logging/logger.ts";
import type { Limit } from "../security/rate-limits.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { EmailIntake, type IntakeOutcome } from "./email-intake.ts";
import { openImapMailbox } from "./imap-mailbox.ts";
import { ImapPoller } from "./imap-poller.ts";
import { SmtpReceiver } from "./smtp-receiver.ts";
import type { SupportAddresses } from "./support-addresses.ts";

export interface InboundEmailSystem {
  intake: EmailIntake;
  /** The SMTP receiver's port, once started; null when SMTP_INBOUND_PORT is unset. */
  smtpPort(): number | null;
  poller: ImapPoller | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Tickets by email: the intake, and its two ways in, each on when configured: the SMTP receiver
 * (SMTP_INBOUND_PORT) and the IMAP poller (IMAP_URL). Both need SUPPORT_ADDRESSES, which says whose mail it is.
 */
export function createInboundEmail(opts: {
  config: Config;
  addresses: SupportAddresses;
  desk: TicketDesk;
  store: AttachmentStore;
  perSender: Limit;
  leases: Leases;
  logger: Logger;
  onOutcome?: (outcome: IntakeOutcome) => void;
}): InboundEmailSystem {
  const { config, logger } = opts;
  const { smtp, imap, maxBytes } = config.inboundEmail;
  const intake = new EmailIntake({
    addresses: opts.addresses,
    desk: opts.desk,
    store: opts.store,
    attachmentMaxBytes: config.attachmentMaxBytes,
    logger,
    ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
  });
  const receiver = smtp ? new SmtpReceiver(intake, { ...smtp, maxBytes, perSender: opts.perSender, logger }) : null;
  const poller = imap
    ? new ImapPoller({
        open: () => openImapMailbox(imap.url, logger),
        intake: (raw, envelope) => intake.take(raw, envelope),
        intervalMs: imap.pollIntervalMs,
        maxBytes,
        leases: opts.leases,
        logger,
      })
    : null;
  return {
    intake,
    smtpPort: () => receiver?.port ?? null,
    poller,
    async start() {
      if ((receiver || poller) && !opts.addresses.configured) {
        logger.warn({ event: "inbound_email_unaddressed" }, "SUPPORT_ADDRESSES is unset: inbound email is refused");
      }
      if (smtp && smtp.allowedClients.length === 0 && !["127.0.0.1", "::1", "localhost"].includes(smtp.host)) {
        logger.warn(
          { event: "inbound_smtp_open", host: smtp.host },
          "the SMTP receiver takes mail from any client that reaches it: set SMTP_INBOUND_ALLOWED_CLIENTS",
        );
      }
      if (receiver) {
        await receiver.start();
        logger.info({ event: "inbound_smtp_listening", port: receiver.port }, "taking in support email by SMTP");
      }
      poller?.start();
    },
    async stop() {
      await Promise.all([receiver?.stop(), poller?.stop()]);
    },
  };
}
