import type { MeetingDto, TicketMeetingsDto } from "@parley/shared";
import type { TargetedSubmitEvent } from "preact";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { command, failureOf } from "../../realtime/socket.ts";
import { errorsAt, errorsUnder, type FormErrors, formErrors } from "../../state/issues.ts";
import { ErrorSummary } from "../admin/FormErrors.tsx";
import { TextField } from "../admin/fields.tsx";
import { useSession } from "../session-context.ts";

const UNANSWERED = "No answer from the server yet. Check the ticket's meetings before trying again.";
const LABELS = {
  slots: "Time",
  start: "Start",
  end: "Duration",
  link: "Meeting link",
  customerTimeZone: "Customer's time zone",
};
const DURATIONS = [30, 45, 60, 90, 120] as const;
const STATUS_TEXT = {
  proposed: "Proposed, waiting for the customer",
  accepted: "Accepted",
  superseded: "Replaced",
} as const;

/** The browser's zone: the one the agent reads times in. */
const agentZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** "Tue 3 Nov, 10:00–11:00 (Europe/London)": a slot read in one zone; an unknown zone falls back to UTC. */
export function slotText(slot: { start: string; end: string }, timeZone: string): string {
  const fmt = (zone: string) => {
    const day = new Intl.DateTimeFormat(undefined, {
      timeZone: zone,
      weekday: "short",
      day: "numeric",
      month: "short",
    });
    const time = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: "2-digit", minute: "2-digit" });
    return `${day.format(new Date(slot.start))}, ${time.format(new Date(slot.start))}–${time.format(new Date(slot.end))} (${zone})`;
  };
  try {
    return fmt(timeZone);
  } catch {
    return fmt("UTC");
  }
}

interface Row {
  key: string;
  /** A `datetime-local` value, read in the agent's own zone. */
  start: string;
  minutes: number;
}

let rowCount = 0;
const newRow = (): Row => ({ key: `s${++rowCount}`, start: "", minutes: 60 });

/**
 * Web conferences on a ticket: the proposals, each slot in the agent's and the customer's zone, and a
 * form to propose times inside support hours with a meeting link. The server refuses a slot outside support hours
 * and says which one; the customer picks in the widget or from the email.
 */
export function MeetingPanel({
  ticketId,
  canPropose,
  siteTimeZone,
  onChanged,
}: {
  ticketId: string;
  /** A closed ticket keeps its meetings on show but takes no new proposal. */
  canPropose: boolean;
  siteTimeZone: string | null;
  /** A meeting of this ticket changed: its timeline has a new line to show. */
  onChanged: () => void;
}) {
  const session = useSession();
  const [data, setData] = useState<TicketMeetingsDto | null>(null);
  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [link, setLink] = useState("");
  const [customerZone, setCustomerZone] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const ids = { heading: "ticket-meeting-heading", zones: useId() };
  const myZone = agentZone();

  const load = useCallback(async () => {
    const result = await command(session.socket, "meeting:list", { ticketId });
    if (result.ok) setData(result.data);
  }, [session, ticketId]);

  useEffect(() => {
    void load();
    const changed = (meeting: MeetingDto) => {
      if (meeting.ticketId !== ticketId) return;
      void load();
      onChanged();
    };
    const reconnected = () => void load();
    session.socket.on("meeting:updated", changed);
    session.socket.on("connect", reconnected);
    return () => {
      session.socket.off("meeting:updated", changed);
      session.socket.off("connect", reconnected);
    };
  }, [session, ticketId, load, onChanged]);

  const zone = customerZone ?? data?.reportedTimeZone ?? siteTimeZone ?? "UTC";

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const slots = rows.map((r) => {
      const start = new Date(r.start);
      if (Number.isNaN(start.getTime())) return { start: "", end: "" };
      return { start: start.toISOString(), end: new Date(start.getTime() + r.minutes * 60_000).toISOString() };
    });
    setBusy(true);
    setErrors(null);
    setDone("");
    const result = await command(session.socket, "meeting:propose", {
      ticketId,
      slots,
      link: link.trim(),
      agentTimeZone: myZone,
      customerTimeZone: zone,
    });
    setBusy(false);
    if (result.ok) {
      setRows([newRow()]);
      setDone("Proposed. The customer can pick a time in the widget or from the email.");
      void load();
      return;
    }
    setErrors(formErrors(failureOf(result, UNANSWERED), { labels: LABELS, lists: { slots: rows.map((r) => r.key) } }));
  };

  const edit = (key: string, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <section class="page-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>Web conference</h3>
      {data === null ? (
        <p class="muted">Loading…</p>
      ) : data.meetings.length === 0 ? (
        <p class="muted">No web conference proposed yet.</p>
      ) : (
        <ul class="meeting-list">
          {data.meetings.map((m) => (
            <li key={m.id} class={`meeting meeting--${m.status}`}>
              <p>
                <strong>{STATUS_TEXT[m.status]}</strong> · proposed by {m.proposedBy} ·{" "}
                <a href={m.link} target="_blank" rel="noopener noreferrer">
                  {m.link}
                </a>
              </p>
              <ul>
                {m.slots.map((s, i) => (
                  <li key={s.start}>
                    {m.acceptedSlot === i && <strong>Chosen: </strong>}
                    {slotText(s, myZone)}
                    {m.customerTimeZone !== myZone && <> · customer: {slotText(s, m.customerTimeZone)}</>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {canPropose && (
        <form class="meeting-form" onSubmit={submit} aria-busy={busy} noValidate>
          <h4>Propose times</h4>
          <p class="hint">
            Times are in your time zone ({myZone}) and must be inside support hours. A new proposal replaces one the
            customer has not answered.
          </p>
          <ErrorSummary errors={errors} />
          {rows.map((row, i) => (
            <fieldset key={row.key} class="meeting-slot">
              <legend>Time {i + 1}</legend>
              <TextField
                label={`Start of time ${i + 1}`}
                type="datetime-local"
                value={row.start}
                messages={[...errorsUnder(errors, `slots.${row.key}`)]}
                onInput={(start) => edit(row.key, { start })}
              />
              <div class="field">
                <label for={`${ids.heading}-${row.key}-d`}>{`Duration of time ${i + 1}`}</label>
                <select
                  id={`${ids.heading}-${row.key}-d`}
                  value={row.minutes}
                  onChange={(e) => edit(row.key, { minutes: Number(e.currentTarget.value) })}
                >
                  {DURATIONS.map((d) => (
                    <option key={d} value={d}>
                      {d} minutes
                    </option>
                  ))}
                </select>
              </div>
              {row.start && !Number.isNaN(new Date(row.start).getTime()) && zone !== myZone && (
                <p class="hint">
                  For the customer:{" "}
                  {slotText(
                    {
                      start: new Date(row.start).toISOString(),
                      end: new Date(new Date(row.start).getTime() + row.minutes * 60_000).toISOString(),
                    },
                    zone,
                  )}
                </p>
              )}
              {rows.length > 1 && (
                <button
                  type="button"
                  class="quiet"
                  onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                >
                  Remove time {i + 1}
                </button>
              )}
            </fieldset>
          ))}
          {rows.length < 5 && (
            <button type="button" class="quiet" onClick={() => setRows((rs) => [...rs, newRow()])}>
              Add another time
            </button>
          )}
          <TextField
            label={LABELS.customerTimeZone}
            value={zone}
            list={ids.zones}
            autoComplete="off"
            hint={
              data?.reportedTimeZone
                ? `Their browser reported ${data.reportedTimeZone}.`
                : "Their browser did not report one; the site's zone is assumed."
            }
            messages={errorsAt(errors, "customerTimeZone")}
            onInput={setCustomerZone}
          />
          <datalist id={ids.zones}>
            {(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []).map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <TextField
            label={LABELS.link}
            type="url"
            value={link}
            hint="An https:// link to the TeamViewer, GoToMeeting or other meeting."
            messages={errorsAt(errors, "link")}
            onInput={setLink}
          />
          <button type="submit" class="primary" aria-disabled={busy}>
            Propose meeting
          </button>
          <p class="saved" role="status">
            {done}
          </p>
        </form>
      )}
    </section>
  );
}
