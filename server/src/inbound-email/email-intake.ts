import type { InboundEmail } from "@parley/shared";
import type { Types } from "mongoose";
import type { AttachmentStore } from "../attachments/attachment-store.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { replyByEmail } from "./email-reply.ts";
import { openEmailTicket } from "./email-ticket.ts";
import { type InboundFiles, storeInboundFiles } from "./inbound-attachments.ts";
import { type Envelope, readInboundMail } from "./inbound-mail.ts";
import { mailIdOf, recordMailId } from "./mail-ids.ts";
import { replyTokenTicket } from "./reply-tokens.ts";
import type { SupportAddresses } from "./support-addresses.ts";

export type IgnoredReason =
  | "unreadable"
  | "no_sender"
  | "automated"
  | "own_message"
  | "own_address"
  | "duplicate"
  | "not_for_us"
  | "no_site";

/** What became of one email. */
export type IntakeOutcome =
  | { kind: "ticket"; ticketId: string; number: string }
  | { kind: "reply"; ticketId: string; number: string }
  | { kind: "ignored"; reason: IgnoredReason; detail?: string }
  /** The site refuses tickets without entitlement, and the sender's customer has none: tell the sender. */
  | { kind: "refused"; message: string };

export interface EmailIntakeDeps {
  addresses: SupportAddresses;
  desk: TicketDesk;
  store: AttachmentStore;
  /** ATTACHMENT_MAX_BYTES: an email's file is held to the same limit as an upload. */
  attachmentMaxBytes: number;
  logger: Logger;
  /** Told of each email's outcome (metrics). */
  onOutcome?: (outcome: IntakeOutcome) => void;
}

/**
 * Where every inbound email goes, whichever way it came in (the SMTP receiver, the IMAP poller): one function, so
 * both are the same intake. An email is, in this order: unreadable or without a sender (ignored);
 * automatic (auto-reply, bounce, bulk: ignored, or it would answer our answers); one of our own coming back, or one
 * already taken in (ignored: a loop, a redelivery); a reply to a ticket (through its reply address, or an
 * In-Reply-To / References naming an email of the ticket, from the requester); else a new ticket. Each lookup is a
 * primary-key read. Logs name the outcome and the ticket number, never addresses or subjects.
 */
export class EmailIntake {
  constructor(private readonly deps: EmailIntakeDeps) {}

  /** Whether mail to this address is ours to take (the receiver refuses the rest at RCPT TO). */
  accepts(address: string): boolean {
    return this.deps.addresses.recipient(address) !== null;
  }

  async take(raw: Buffer, envelope: Envelope): Promise<IntakeOutcome> {
    const outcome = await this.decide(raw, envelope);
    const { logger } = this.deps;
    this.deps.onOutcome?.(outcome);
    if (outcome.kind === "ignored") {
      logger.info({ event: "inbound_email_ignored", reason: outcome.reason, detail: outcome.detail }, "email ignored");
    } else if (outcome.kind === "refused") {
      logger.info({ event: "inbound_email_refused", reason: "not_entitled" }, "email refused");
    } else {
      logger.info({ event: `inbound_email_${outcome.kind}`, ticket: outcome.number }, "email taken in");
    }
    return outcome;
  }

  private async decide(raw: Buffer, envelope: Envelope): Promise<IntakeOutcome> {
    const read = await readInboundMail(raw, envelope);
    if (!read.ok) return { kind: "ignored", reason: read.reason };
    const { mail } = read;
    if (read.automated) return { kind: "ignored", reason: "automated", detail: read.automated };
    if (this.deps.addresses.recipient(mail.from.address)) return { kind: "ignored", reason: "own_address" };
    const known = await mailIdOf(mail.messageId);
    if (known) return { kind: "ignored", reason: known.direction === "sent" ? "own_message" : "duplicate" };
    const to =
      mail.recipients.map((r) => this.deps.addresses.recipient(r)).find((r) => r !== null) ??
      (envelope.fromMailbox && this.deps.addresses.entries[0]
        ? { entry: this.deps.addresses.entries[0], token: null }
        : undefined);
    if (!to) return { kind: "ignored", reason: "not_for_us" };
    const site = await this.deps.addresses.siteOf(to.entry);
    if (!site) return { kind: "ignored", reason: "no_site" };

    const files = (ticket: Types.ObjectId): Promise<InboundFiles> =>
      storeInboundFiles(mail.attachments, {
        store: this.deps.store,
        maxBytes: this.deps.attachmentMaxBytes,
        site: site._id,
        ticket,
        senderName: mail.from.name || mail.from.address,
        logger: this.deps.logger,
      });
    const answered = await this.ticketAnswered(mail, site, to.token);
    const now = this.deps.desk.clock();
    if (answered && answered.status !== "closed") {
      await replyByEmail(this.deps.desk, answered, site, mail, files);
      await recordMailId(mail.messageId, "received", answered, now);
      return { kind: "reply", ticketId: answered._id.toHexString(), number: formatTicketNumber(answered.number) };
    }
    // A closed ticket is not written on again (the customer confirmed it): a new problem is a new ticket.
    let ticket: TicketDoc;
    try {
      ticket = await openEmailTicket(this.deps.desk, site, mail, files, {
        ...(answered ? { followUpOf: formatTicketNumber(answered.number) } : {}),
      });
    } catch (err) {
      if (err instanceof AppError && err.code === "NOT_ENTITLED") return { kind: "refused", message: err.message };
      throw err;
    }
    await recordMailId(mail.messageId, "received", ticket, now);
    return { kind: "ticket", ticketId: ticket._id.toHexString(), number: formatTicketNumber(ticket.number) };
  }

  /**
   * The ticket an email answers. Its reply address's token is the strong proof (128 random bits, only ever sent to
   * the requester), so any sender writing to it is heard. A Message-ID in In-Reply-To or References is weaker (it
   * travels in headers that get forwarded), so that way only the ticket's requester threads.
   */
  private async ticketAnswered(mail: InboundEmail, site: SiteDoc, token: string | null): Promise<TicketDoc | null> {
    if (token) {
      const ref = await replyTokenTicket(token);
      if (ref?.site.equals(site._id)) {
        const ticket = await Ticket.findById(ref.ticket).lean<TicketDoc>();
        if (ticket) return ticket;
      }
    }
    for (const id of mail.replyTo) {
      const ref = await mailIdOf(id);
      if (!ref?.ticket || !ref.site?.equals(site._id)) continue;
      const ticket = await Ticket.findById(ref.ticket).lean<TicketDoc>();
      if (ticket && ticket.requesterEmail?.toLowerCase() === mail.from.address) return ticket;
    }
    return null;
  }
}
