import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "./ticket.model.ts";

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
