import { createHash } from "node:crypto";
import { type InboundEmail, MAX_MESSAGE_LENGTH, TicketFields } from "@parley/shared";
import { Types } from "mongoose";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "../tickets/ticket.model.ts";
import type { TicketDesk } from "../tickets/ticket-desk.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { createTicket, ticketTerms } from "../tickets/ticket-opening.ts";
import { ticketOfSource } from "../tickets/ticket-sources.ts";
import { record, type TicketActor } from "../tickets/ticket-timeline.ts";
import { emailSourceKey } from "./email-source.ts";
import { type InboundFiles, refusedNote } from "./inbound-attachments.ts";
import { cleanSubject, priorityInText } from "./priority-in-text.ts";
import { productInText } from "./product-in-text.ts";

/** The sender as a ticket's timeline names them. */
export const senderActor = (mail: InboundEmail): TicketActor => ({
  kind: "customer",
  id: null,
  name: senderName(mail),
});

export const senderName = (mail: InboundEmail): string => mail.from.name || mail.from.address;

/** The idempotency key of the reply an email becomes: the same email taken in twice stores one reply. */
export const clientMsgIdOf = (messageId: string): string =>
  createHash("sha256").update(messageId).digest("base64url").slice(0, 32);

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * A new ticket from an email to the support address, with the policy's fields read from it: the priority
 * from "[High]" or a "Priority:" line (else medium, marked for triage), the product matched to the site's, the body
 * as the details, the files through the upload checks. Unassigned: someone triages it. A sender who is no
 * customer's contact is marked "unverified sender", since anyone can write any address in From. The same email
 * taken in twice opens one ticket (its Message-ID is the ticket's source key).
 */
export async function openEmailTicket(
  desk: TicketDesk,
  site: SiteDoc,
  mail: InboundEmail,
  storeFiles: (ticket: Types.ObjectId) => Promise<InboundFiles>,
  opts: { followUpOf?: string } = {},
): Promise<TicketDoc> {
  const sourceKey = emailSourceKey(mail.messageId);
  const stored = await ticketOfSource(sourceKey);
  if (stored) return stored;
  const now = desk.clock();
  const stated = priorityInText(mail.subject, mail.text);
  const product = productInText(site.products, mail.subject, mail.text);
  const priority = stated ?? "medium";
  // Refused (NOT_ENTITLED) before the files are stored.
  const terms = await ticketTerms(site, mail.from.address, product, priority, now);
  const id = new Types.ObjectId();
  const files = await storeFiles(id);
  const followUp = opts.followUpOf ? `Follow-up to ${opts.followUpOf}, which is closed.\n\n` : "";
  const details = [followUp + mail.text.trim(), refusedNote(files.refused)].filter(Boolean).join("\n\n");
  const fields = TicketFields.parse({
    subject: cut(cleanSubject(mail.subject) || "(no subject)", 200),
    priority,
    product,
    productVersion: "",
    thirdPartyVersions: "",
    details: cut(details, MAX_MESSAGE_LENGTH),
    reproductionSteps: "",
    environment: "",
    mostRecentUpdate: "",
    changedSinceLastWorked: "",
    reproducedOnTestSystem: "unknown",
  });
  const { ticket, raced } = await createTicket(site, now, terms, {
    _id: id,
    fields,
    requesterName: senderName(mail),
    requesterEmail: mail.from.address,
    sourceKey,
    channel: "email",
    unverifiedSender: terms.coverage.customer === null,
    needsTriage: stated === null,
    attachments: files.stored,
  });
  if (raced) return ticket;
  const how = [
    `emailed in ${formatTicketNumber(ticket.number)}`,
    ticket.unverifiedSender ? "from an address that is no customer's contact (unverified sender)" : "",
    ticket.needsTriage ? "without a priority (medium until triaged)" : "",
  ];
  await record(ticket._id, senderActor(mail), now, "created", how.filter(Boolean).join(", "), { to: "new" });
  desk.notifier.changed(ticket, site, now, { created: true });
  return ticket;
}
