/** One plain-text email to one person (ticket updates to the requester, escalations to leads). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** "skipped": no SMTP_URL is set, so nothing was sent (and the log says so). */
export type MailResult = "sent" | "skipped" | "failed";

export interface Mailer {
  /** Never throws: a failed send is logged and reported, as email must not break the action that caused it. */
  send(mail: OutgoingMail): Promise<MailResult>;
}
