import { z } from "zod";
import { MAX_NAME_LENGTH } from "../constants.ts";
import { Email } from "./primitives.ts";

/**
 * Tickets by email: what Parley reads of an inbound email, checked here before any of it reaches
 * the intake's logic or a query. The server turns the MIME parser's output into this shape; every value is a
 * string, a number or bytes, so nothing in a header can become a query operator.
 */

/**
 * A Message-ID as it appears in a header, angle brackets included: printable ASCII without spaces or brackets
 * (RFC 5322 msg-id). It keys documents (`_id`), so its length is bounded well below any key limit.
 */
export const MailMessageId = z.string().regex(/^<[\x21-\x3b\x3d\x3f-\x7e]{1,250}>$/, "not a Message-ID");
export type MailMessageId = z.infer<typeof MailMessageId>;

/** Most Message-IDs of a References header looked at: the latest ones name the messages nearest the reply. */
export const MAX_REFERENCES_READ = 10;

/** Most files taken from one email; the rest are listed as refused. */
export const MAX_INBOUND_ATTACHMENTS = 10;

/** Longest body kept from an email before it is cut (the ticket's fields cut it again to their own limits). */
export const MAX_INBOUND_TEXT = 100_000;

export const InboundAttachment = z.strictObject({
  /** As the sender named it; cleaned for display and checked against the content before it is stored. */
  fileName: z.string().max(1000),
  bytes: z.instanceof(Uint8Array),
});
export type InboundAttachment = z.infer<typeof InboundAttachment>;

export const InboundEmail = z.strictObject({
  /** The sender's own Message-ID, or one derived from the message's bytes when it has none. */
  messageId: MailMessageId,
  from: z.strictObject({ address: Email, name: z.string().trim().max(MAX_NAME_LENGTH) }),
  /** Every recipient the message was delivered to (the SMTP envelope, or To/Cc/Delivered-To from a mailbox). */
  recipients: z.array(Email).max(100),
  subject: z.string().max(998),
  text: z.string().max(MAX_INBOUND_TEXT),
  /** In-Reply-To first, then References from the latest back. */
  replyTo: z.array(MailMessageId).max(MAX_REFERENCES_READ + 1),
  attachments: z.array(InboundAttachment).max(50),
});
export type InboundEmail = z.infer<typeof InboundEmail>;
