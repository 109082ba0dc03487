import { expect } from "@playwright/test";
import { mailboxURL } from "../playwright.config.ts";

/** An email the demo server sent, as the e2e mail sink (e2e/mail-sink.ts) received it. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
  /** Empty for plain-text emails. */
  html: string;
}

export async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${mailboxURL}/mails`);
  return ((await res.json()) as Mail[]).filter((m) => m.to.includes(address));
}

/** The `nth` email (from 1) to the address, once it has arrived. */
export async function waitForMail(address: string, nth = 1): Promise<Mail> {
  await expect.poll(async () => (await mailsTo(address)).length).toBeGreaterThanOrEqual(nth);
  return (await mailsTo(address))[nth - 1] as Mail;
}

/** The reset link of a password reset email. */
export function resetLinkIn(mail: Mail): string {
  const link = /https?:\/\/\S+\/console\/reset-password#token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no reset link in: ${mail.text}`);
  return link;
}
