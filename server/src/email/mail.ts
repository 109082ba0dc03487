/** Which email this is: logs name it instead of the recipient and the subject (user text). */
export type MailKind = "ticket_created" | "ticket_status" | "ticket_reply" | "ticket_escalation";

/** One plain-text email to one person (ticket updates to the requester, escalations to leads). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  kind: MailKind;
  /** The ticket it is about, e.g. "T-1001": lets a log line be traced without naming who it went to. */
  ticket: string;
}

/** "skipped": no SMTP_URL is set, so nothing was sent (and the log says so). */
export type MailResult = "sent" | "skipped" | "failed";

export interface Mailer {
  /** Never throws: a failed send is logged and reported, as email must not break the action that caused it. */
  send(mail: OutgoingMail): Promise<MailResult>;
}
