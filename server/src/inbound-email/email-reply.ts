import { type InboundEmail, MAX_MESSAGE_LENGTH, VisitorTicketReplyInput } from "@parley/shared";
import type { Types } from "mongoose";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { customerReply } from "../tickets/ticket-replies.ts";
import { clientMsgIdOf } from "./email-ticket.ts";
import { type InboundFiles, refusedNote } from "./inbound-attachments.ts";
import { newPartOfReply } from "./reply-text.ts";

/**
 * An email that answers a ticket, stored as the customer's reply: just as from the widget, it answers a
 * "waiting on customer" and reopens a resolved ticket. Only the new part of the email is kept (not the quoted
 * thread). Someone other than the requester (a colleague who had the reply address) is named in the text.
 */
export async function replyByEmail(
  desk: TicketDesk,
  ticket: TicketDoc,
  site: SiteDoc,
  mail: InboundEmail,
  storeFiles: (ticket: Types.ObjectId) => Promise<InboundFiles>,
): Promise<void> {
  const files = await storeFiles(ticket._id);
  const someoneElse =
    mail.from.address !== ticket.requesterEmail?.toLowerCase()
      ? `(From ${mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address} by email)\n\n`
      : "";
  const text = newPartOfReply(mail.text) || (files.stored.length > 0 ? "(files sent by email)" : "(empty email)");
  const body = [someoneElse + text, refusedNote(files.refused)].filter(Boolean).join("\n\n");
  const input = VisitorTicketReplyInput.parse({
    ticketId: ticket._id.toHexString(),
    clientMsgId: clientMsgIdOf(mail.messageId),
    body: body.length <= MAX_MESSAGE_LENGTH ? body : `${body.slice(0, MAX_MESSAGE_LENGTH - 1)}…`,
    attachmentIds: files.stored.map((a) => a.id),
  });
  await customerReply(desk, ticket, site, input);
}
