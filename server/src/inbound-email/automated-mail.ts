/**
 * Whether an email was sent by a program rather than a person: auto-replies, bounces and list or bulk
 * mail open no ticket, or an out-of-office answering our "Ticket received" would open another ticket, be answered
 * again, and so on. Pure: it reads the headers (names lowercased) and the SMTP envelope's sender.
 */
export type AutomatedReason =
  | "auto_submitted"
  | "precedence"
  | "auto_reply_header"
  | "bounce"
  | "delivery_report"
  | "mailer_daemon";

/** Headers some auto-responders set instead of Auto-Submitted (Microsoft Exchange, older vacation programs). */
const AUTO_REPLY_HEADERS = ["x-autoreply", "x-autorespond", "x-auto-response"];
/** Ignored whatever they say of themselves: the addresses bounces and delivery reports come from. */
const DAEMON_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|noreply-dmarc-support)@/i;

export function automatedReason(
  header: (name: string) => string | undefined,
  envelopeFrom: string | null | undefined,
  fromAddress: string,
): AutomatedReason | null {
  // RFC 3834: anything but "no" is a program's.
  const autoSubmitted = header("auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "auto_submitted";
  const precedence = header("precedence")?.trim().toLowerCase();
  if (precedence && ["bulk", "junk", "list", "auto_reply"].includes(precedence)) return "precedence";
  if (AUTO_REPLY_HEADERS.some((name) => header(name) !== undefined)) return "auto_reply_header";
  if (/^multipart\/report\b/i.test(header("content-type") ?? "")) return "delivery_report";
  // A null reverse-path (MAIL FROM:<>) is what bounces and other notifications are sent with (RFC 5321 4.5.5).
  if (envelopeFrom === "") return "bounce";
  if (DAEMON_SENDERS.test(fromAddress)) return "mailer_daemon";
  return null;
}
