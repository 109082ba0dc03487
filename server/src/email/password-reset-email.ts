import type { OutgoingMail } from "./mail.ts";

// The reset link, composed from plain data (no database, no clock): agents/password-resets.ts decides when to
// send it and passes the link.

export interface PasswordResetMail {
  to: string;
  name: string;
  /** The site's name, e.g. "Acme Support": which Parley account this is. */
  siteName: string;
  /** The console page with the token, e.g. `https://support.acme.test/console/reset-password#token=…`. */
  link: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
  /** Set when an admin asked for the reset rather than the agent: who, so the agent is not left wondering. */
  requestedBy: string | null;
}

export function passwordResetEmail(input: PasswordResetMail): OutgoingMail {
  const why =
    input.requestedBy === null
      ? "Someone (we hope you) asked to reset the password of your Parley console account."
      : `${input.requestedBy}, an admin, asked you to set a new password for your Parley console account. You have ` +
        "been signed out everywhere.";
  return {
    kind: "password_reset",
    secret: true,
    to: input.to,
    subject: `Reset your Parley password (${input.siteName.replace(/\s+/g, " ").trim()})`,
    text: [
      `Hello ${input.name},`,
      "",
      why,
      "",
      `To choose a new password, open this link within ${input.validMinutes} minutes. It works once:`,
      "",
      input.link,
      "",
      input.requestedBy === null
        ? "If you did not ask for this, ignore this email: your password stays as it is."
        : "Until you use the link, your current password still signs you in.",
      "",
      "This email was sent automatically; replies to it are not read.",
    ].join("\n"),
  };
}
