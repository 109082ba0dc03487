import { createHash } from "node:crypto";
import {
  Email,
  InboundEmail,
  MAX_INBOUND_TEXT,
  MAX_NAME_LENGTH,
  MAX_REFERENCES_READ,
  MailMessageId,
} from "@parley/shared";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import { type AutomatedReason, automatedReason } from "./automated-mail.ts";

/** What the receiver or the poller knows of a message besides its bytes. */
export interface Envelope {
  /** MAIL FROM: "" for a null reverse-path (a bounce); undefined when unknown (a mailbox). */
  from?: string;
  /** RCPT TO; undefined when unknown (a mailbox: the headers say whom it was for). */
  to?: string[];
  /**
   * Read from the support mailbox (IMAP): everything in it was sent to support, so a message whose headers name
   * no support address (a Bcc, an alias) belongs to the first one.
   */
  fromMailbox?: true;
}

export type ReadMail =
  | { ok: true; mail: InboundEmail; automated: AutomatedReason | null }
  | { ok: false; reason: "no_sender" | "unreadable" };

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);

const validEmails = (values: (string | undefined)[]): string[] =>
  values.flatMap((v) => {
    const parsed = Email.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });

/** Every Message-ID in a header value ("<a@x> <b@y>"), in order. */
const messageIds = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? []);

/**
 * Reads a raw message (RFC 5322 bytes) into what the intake works on, checked by the shared InboundEmail schema:
 * sender, recipients, subject, text, the ids it answers, and its files (inline ones too: a screenshot pasted into
 * the body is one). A message without a Message-ID gets one made of its bytes, so the same message taken in twice is known.
 */
export async function readInboundMail(raw: Buffer, envelope: Envelope): Promise<ReadMail> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const header = (name: string): string | undefined => {
    const line = parsed.headerLines.find((h) => h.key === name)?.line;
    return line === undefined ? undefined : line.slice(line.indexOf(":") + 1).trim();
  };
  const sender = addresses(parsed.from)[0];
  const from = Email.safeParse(sender?.address);
  if (!from.success) return { ok: false, reason: "no_sender" };
  const ownId = messageIds(parsed.messageId)[0];
  const messageId =
    ownId && MailMessageId.safeParse(ownId).success
      ? ownId
      : `<${createHash("sha256").update(raw).digest("hex").slice(0, 40)}@parley.invalid>`;
  const answered = [...messageIds(parsed.inReplyTo), ...messageIds(parsed.references).reverse()]
    .filter((id, i, all) => all.indexOf(id) === i && MailMessageId.safeParse(id).success)
    .slice(0, MAX_REFERENCES_READ + 1);
  const recipients =
    envelope.to ??
    [
      ...addresses(parsed.to),
      ...addresses(parsed.cc),
      ...["delivered-to", "x-original-to"].map((name) => ({ address: header(name) })),
    ].map((a) => a.address);
  const mail = InboundEmail.safeParse({
    messageId,
    from: { address: from.data, name: (sender?.name ?? "").slice(0, MAX_NAME_LENGTH) },
    recipients: [...new Set(validEmails(recipients))].slice(0, 100),
    subject: (parsed.subject ?? "").slice(0, 998),
    text: (parsed.text ?? "").slice(0, MAX_INBOUND_TEXT),
    replyTo: answered,
    attachments: parsed.attachments
      .slice(0, 50)
      .map((a) => ({ fileName: (a.filename ?? "attachment").slice(0, 1000), bytes: new Uint8Array(a.content) })),
  });
  if (!mail.success) return { ok: false, reason: "unreadable" };
  return { ok: true, mail: mail.data, automated: automatedReason(header, envelope.from, from.data) };
}
