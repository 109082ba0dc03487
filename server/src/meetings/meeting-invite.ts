import { createEvent } from "ics";

/** What an invite says; instants in UTC, so every calendar shows them in its own zone. */
export interface InviteFacts {
  /** Stable per meeting: a calendar that gets the invite again updates the event instead of adding one. */
  uid: string;
  title: string;
  description: string;
  start: Date;
  end: Date;
  link: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/**
 * The iCalendar invite (RFC 5545, METHOD:REQUEST) both sides get once a slot is accepted, written by the `ics`
 * package: it folds long lines and escapes commas, semicolons and newlines in the customer's own text.
 */
export function meetingInvite(facts: InviteFacts): string {
  const { error, value } = createEvent({
    method: "REQUEST",
    productId: "parley/meetings",
    uid: facts.uid,
    title: facts.title,
    description: facts.description,
    start: facts.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: facts.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    url: facts.link,
    location: facts.link,
    status: "CONFIRMED",
    organizer: facts.organizer,
    attendees: facts.attendees.map((a) => ({ ...a, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" })),
  });
  if (error || !value) throw error ?? new Error("the invite could not be written");
  return value;
}
