import type { OutgoingMail } from "../email/mail.ts";
import { formatDue } from "../email/ticket-emails.ts";

// The two emails of a web conference, plain text composed from plain data: the proposal (each slot with
// its accept link) to the customer, and the invite (with its .ics) to both sides once a slot is accepted.

interface About {
  /** "T-1001". */
  number: string;
  subject: string;
  siteName: string;
  site: string;
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** "Tue 3 Mar 2026, 14:00 (Europe/Paris)", and the end time in the same zone. */
export function slotWords(slot: { start: Date; end: Date }, timeZone: string): string {
  const start = formatDue(slot.start.toISOString(), timeZone);
  const end = formatDue(slot.end.toISOString(), timeZone).replace(/^.*, (\d\d:\d\d).*$/, "$1");
  return start.replace(/ \(/, `–${end} (`);
}

export function proposalEmail(
  about: About,
  to: { email: string; name: string },
  proposal: {
    proposedBy: string;
    link: string;
    slots: { start: Date; end: Date; acceptUrl: string }[];
    timeZone: string;
  },
): OutgoingMail {
  const lines = proposal.slots.map((s, i) => `${i + 1}. ${slotWords(s, proposal.timeZone)}\n   Accept: ${s.acceptUrl}`);
  return {
    to: to.email,
    subject: `[${about.number}] Web conference proposed — ${oneLine(about.subject)}`,
    text:
      `Hello ${to.name},\n\n` +
      `${proposal.proposedBy} proposes a web conference about your ticket ${about.number}, to look at the problem together.\n` +
      "Please pick the time that suits you (the first one picked is booked):\n\n" +
      `${lines.join("\n")}\n\n` +
      `Meeting link: ${proposal.link}\n\n` +
      `You can also pick a time in the support chat on ${about.siteName}, under My tickets.\n` +
      "This email was sent automatically; replies to it are not read.",
    kind: "meeting_proposed",
    ticket: about.number,
    site: about.site,
  };
}

export function inviteEmail(
  about: About,
  to: { email: string; name: string },
  meeting: { slot: { start: Date; end: Date }; link: string; timeZone: string; ics: string },
): OutgoingMail {
  return {
    to: to.email,
    subject: `[${about.number}] Web conference booked: ${slotWords(meeting.slot, meeting.timeZone)} — ${oneLine(about.subject)}`,
    text:
      `Hello ${to.name},\n\n` +
      `The web conference about ticket ${about.number} is booked for ${slotWords(meeting.slot, meeting.timeZone)}.\n` +
      `Meeting link: ${meeting.link}\n\n` +
      "The calendar invite is attached.\n" +
      "This email was sent automatically; replies to it are not read.",
    calendar: meeting.ics,
    kind: "meeting_invite",
    ticket: about.number,
    site: about.site,
  };
}
