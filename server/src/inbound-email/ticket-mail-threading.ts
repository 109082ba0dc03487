import { randomBytes } from "node:crypto";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import type { Clock } from "../time/clock.ts";
import { emailSourceMessageId } from "./email-source.ts";
import { recordMailId } from "./mail-ids.ts";
import { replyTokenOf } from "./reply-tokens.ts";
import { SupportAddresses } from "./support-addresses.ts";

/** What an email about a ticket carries so the customer's reply comes back to it. */
export interface ThreadHeaders {
  /** The ticket's reply address, support+t-<token>@… */
  replyTo: string;
  /** Recorded before the email leaves, so a reply's In-Reply-To finds the ticket and our own email is never taken in. */
  messageId: string;
  /** The customer's email that opened the ticket, so their mail client shows ours in the same thread. */
  inReplyTo?: string;
}

export interface MailThreading {
  /** Null when the ticket's site has no support address: the email goes out as before, saying replies are not read. */
  headersFor(ticket: TicketDoc, site: SiteDoc): Promise<ThreadHeaders | null>;
}

export function ticketMailThreading(addresses: SupportAddresses, clock: Clock): MailThreading {
  return {
    async headersFor(ticket, site) {
      const entry = addresses.addressOf(site);
      if (!entry) return null;
      const token = await replyTokenOf(ticket);
      const messageId = `<parley.${randomBytes(12).toString("hex")}@${SupportAddresses.domainOf(entry)}>`;
      await recordMailId(messageId, "sent", ticket, clock());
      const inReplyTo = emailSourceMessageId(ticket);
      return { replyTo: addresses.replyAddress(entry, token), messageId, ...(inReplyTo ? { inReplyTo } : {}) };
    },
  };
}
