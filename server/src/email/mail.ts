/** Which email this is: logs name it instead of the recipient and the subject (user text). */
export type MailKind =
  | "ticket_created"
  | "ticket_status"
  | "ticket_reply"
  | "ticket_escalation"
  | "password_reset"
  // Always reachable: an agent's reply to a visitor who left the chat.
  | "chat_reply"
  // Ratings and transcripts: a chat's transcript, asked for by its visitor.
  | "chat_transcript"
  // Web conferences: the proposal with its accept links, and the invite once accepted.
  | "meeting_proposed"
  | "meeting_invite";

/** One email (plain text, sometimes with an HTML part) to one person (ticket updates to the requester, escalations to leads, reset links to staff). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same email as HTML, for the few that lay out a table (a transcript); every user text in it escaped. */
  html?: string;
  /** An iCalendar invite (METHOD:REQUEST), sent as the email's calendar part and an `invite.ics` attachment. */
  calendar?: string;
  kind: MailKind;
  /**
   * The ticket it is about, e.g. "T-1001": lets a log line be traced without naming who it went to. Absent on
   * emails about a staff account (password reset), which concern no ticket.
   */
  ticket?: string;
  /**
   * The text carries a secret that expires soon (a password reset link): it must be sent now or not at all,
   * never written down (an outbox row would store the link the database otherwise keeps only hashed) nor
   * retried later, when the link no longer works.
   */
  secret?: true;
  /** The site it is for (its id): an undelivered email is shown to that site's admins only. */
  site?: string;
  /**
   * Tickets by email: where the customer's reply goes (the ticket's reply address), and the
   * Message-ID Parley recorded for this email, so a reply's In-Reply-To finds the ticket and the email coming
   * back to us is known as our own. Kept with the email in the outbox: a retry sends the same ids.
   */
  replyTo?: string;
  messageId?: string;
  /** The customer's email this one answers (the one that opened the ticket), so their mail client threads it. */
  inReplyTo?: string;
}

/** "skipped": no SMTP_URL is set, so nothing was sent (and the log says so). */
export type MailResult = "sent" | "skipped" | "failed";

export interface Mailer {
  /** Never throws: a failed send is logged and reported, as email must not break the action that caused it. */
  send(mail: OutgoingMail): Promise<MailResult>;
}
