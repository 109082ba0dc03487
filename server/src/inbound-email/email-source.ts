import type { TicketDoc } from "../tickets/ticket.model.ts";

/**
 * An emailed ticket's source key is "email:<Message-ID>" (the tickets' unique sourceKey): the same email taken in
 * twice (a forwarder's retry, a mailbox polled again) opens one ticket, found by its key in one primary-key read.
 */
export const emailSourceKey = (messageId: string): string => `email:${messageId}`;

/** The Message-ID of the email that opened the ticket; null for tickets from chats and offline requests. */
export function emailSourceMessageId(ticket: Pick<TicketDoc, "sourceKey">): string | null {
  return ticket.sourceKey.startsWith("email:") ? ticket.sourceKey.slice("email:".length) : null;
}
