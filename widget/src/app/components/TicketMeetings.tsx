import type { MeetingDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { dateFormat, text as words } from "../i18n/language.ts";
import { ticketsText } from "../i18n/tickets.ts";
import { request } from "../request.ts";
import type { TicketFeed } from "../ticket-feed.ts";

/** "Tue, 3 Nov, 10:00 – 11:00 GMT": in the visitor's own zone and language, which the browser knows best. */
export function meetingSlotText(slot: { start: string; end: string }, lang: string): string {
  const start = dateFormat(lang, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(slot.start));
  const end = dateFormat(lang, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(
    new Date(slot.end),
  );
  return `${start} – ${end}`;
}

/**
 * A ticket's web conference in the widget: the open proposal's times to pick from, or the booked one with
 * its link. Part of the lazy tickets chunk; it asks and listens on the feed's socket itself, so the chat's own code
 * carries none of it.
 */
export function TicketMeetings({ ticketId, feed }: { ticketId: string; feed: TicketFeed }) {
  const [meetings, setMeetings] = useState<readonly MeetingDto[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = ticketsText();
  const lang = words().lang;

  useEffect(() => {
    const load = async () => {
      const socket = feed.channel();
      if (!socket) return;
      const answer = await request(socket, "meeting:list", { ticketId });
      if (answer.ok) setMeetings(answer.data.meetings);
    };
    void load();
    const socket = feed.channel();
    const pushed = (meeting: MeetingDto) => {
      if (meeting.ticketId === ticketId) void load();
    };
    socket?.on("meeting:updated", pushed);
    const unlisten = feed.onConnect(() => void load());
    return () => {
      socket?.off("meeting:updated", pushed);
      unlisten();
    };
  }, [feed, ticketId]);

  const latest = [...meetings].reverse();
  const open = latest.find((m) => m.status === "proposed");
  const booked = latest.find((m) => m.status === "accepted");
  if (!open && !booked) return null;

  const accept = async (meeting: MeetingDto, slot: number) => {
    if (busy) return;
    const socket = feed.channel();
    if (!socket) {
      setProblem(t.meetingNotAccepted(t.offlineWillSend));
      return;
    }
    setBusy(true);
    setProblem(null);
    const answer = await request(socket, "meeting:accept", { ticketId, meetingId: meeting.id, slot });
    setBusy(false);
    if (answer.ok) {
      setMeetings((ms) => ms.map((m) => (m.id === meeting.id ? answer.data.meeting : m)));
      return;
    }
    const code = answer.error?.code;
    setProblem(code === "CONFLICT" ? t.changed : t.meetingNotAccepted(code ? t.somethingWrongRetry : t.noAnswerYet));
    if (code === "CONFLICT") {
      const again = await request(socket, "meeting:list", { ticketId });
      if (again.ok) setMeetings(again.data.meetings);
    }
  };

  const bookedSlot = booked?.slots[booked.acceptedSlot ?? -1];
  return (
    <div class="meeting">
      <h4 class="meeting-title">{t.meetingTitle}</h4>
      {booked && bookedSlot && (
        <p class="meeting-booked">
          {t.meetingBooked(meetingSlotText(bookedSlot, lang))}{" "}
          <a href={booked.link} target="_blank" rel="noopener noreferrer">
            {t.meetingJoin}
          </a>
        </p>
      )}
      {open && (
        <>
          <p>{t.meetingPick(open.proposedBy)}</p>
          <div class="actions meeting-slots">
            {open.slots.map((slot, i) => (
              <button
                key={slot.start}
                type="button"
                class="secondary"
                aria-disabled={busy ? "true" : undefined}
                onClick={() => void accept(open, i)}
              >
                {t.meetingAccept(meetingSlotText(slot, lang))}
              </button>
            ))}
          </div>
        </>
      )}
      <p class="error" role="alert">
        {problem}
      </p>
    </div>
  );
}
