import type { TicketDto, TicketEventDto, TicketFields } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { formatDateTime } from "../../format.ts";
import { failureOf } from "../../realtime/socket.ts";
import { pathFor } from "../../router.ts";
import {
  ACTION_LABELS,
  actionsFor,
  PRIORITY_LABELS,
  STATUS_LABELS,
  type StaffTicketAction,
  slaText,
} from "../../state/ticket.ts";
import { TICKET_FIELD_LABELS } from "../../state/ticket-form.ts";
import { Link } from "../Link.tsx";
import { useSession } from "../session-context.ts";
import { usePageHeading } from "../usePage.ts";

type Loaded = { ticket: TicketDto; timeline: TicketEventDto[] };

const REPRODUCED_TEXT = { yes: "Yes", no: "No", unknown: "Not known" } as const;

/** The fields shown under "Details", in the form's order; the subject is in the heading. */
const SHOWN_FIELDS: readonly Exclude<keyof TicketFields, "subject" | "priority" | "product">[] = [
  "productVersion",
  "thirdPartyVersions",
  "details",
  "reproductionSteps",
  "environment",
  "mostRecentUpdate",
  "changedSinceLastWorked",
  "reproducedOnTestSystem",
];

interface TicketPageProps {
  id: string;
  productName: (id: string) => string;
}

/** `/console/tickets/<id>`: one ticket, its SLA counters and timeline, kept live by `ticket:updated`. */
export function TicketPage({ id, productName }: TicketPageProps) {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const [actionError, setActionError] = useState<ErrorBody | null>(null);
  const [pending, setPending] = useState<StaffTicketAction | null>(null);
  const headingRef = usePageHeading(loaded ? `${loaded.ticket.number} · ${loaded.ticket.subject}` : "Ticket");
  // Answers can arrive out of order; only the latest request's answer is applied.
  const requestCount = useRef(0);

  const load = useCallback(async () => {
    const mine = ++requestCount.current;
    const result = await session.tickets.get(id);
    if (mine !== requestCount.current) return;
    if (result.ok) {
      setLoaded(result.data);
      setLoadError(null);
    } else {
      setLoadError(failureOf(result, "No answer from the server yet. Reload to try again."));
    }
  }, [session, id]);

  useEffect(() => {
    setLoaded(null);
    setLoadError(null);
    void load();
    // A change to this ticket, by anyone, re-reads it with its timeline; so does a reconnect.
    return session.tickets.watch(id, () => void load());
  }, [session, id, load]);

  // The loaded page replaces the "Loading…" one, heading included: focus the real heading when it appears.
  const ready = loaded !== null;
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready, headingRef]);

  const act = async (action: StaffTicketAction) => {
    if (pending) return;
    setPending(action);
    setActionError(null);
    const result = await session.tickets.act({ ticketId: id, action });
    setPending(null);
    if (result.ok) {
      await load();
      // The used button may be gone now: keep focus on the page rather than let it fall to the body.
      if (document.activeElement === document.body) headingRef.current?.focus();
    } else {
      setActionError(failureOf(result, "No answer from the server yet. Check the status before trying again."));
      // Refused because the ticket moved on (someone else acted first): show where it is now.
      if (!("unanswered" in result) && result.error.code === "CONFLICT") void load();
    }
  };

  if (!loaded) {
    return (
      <main id="main" tabIndex={-1} class="page" aria-busy={!loadError}>
        <h2 ref={headingRef} tabIndex={-1}>
          Ticket
        </h2>
        {loadError ? (
          <p class="error" role="alert">
            {loadError.message}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </main>
    );
  }

  const { ticket, timeline } = loaded;
  const actions = actionsFor(ticket.status);
  return (
    <main id="main" tabIndex={-1} class="page ticket-page">
      <section class="page-section" aria-labelledby="ticket-heading">
        <h2 id="ticket-heading" ref={headingRef} tabIndex={-1}>
          {ticket.number} · {ticket.subject}
        </h2>
        <dl class="ticket-facts">
          <dt>Status</dt>
          <dd>{STATUS_LABELS[ticket.status]}</dd>
          <dt>Priority</dt>
          <dd>
            <span class={`priority priority--${ticket.priority}`}>{PRIORITY_LABELS[ticket.priority]}</span>
          </dd>
          <dt>Requester</dt>
          <dd>
            {ticket.requester.name}
            {ticket.requester.email && <> ({ticket.requester.email})</>}
          </dd>
          <dt>Assignee</dt>
          <dd>{ticket.assignee?.name ?? "Nobody yet"}</dd>
          <dt>{TICKET_FIELD_LABELS.product}</dt>
          <dd>{ticket.fields.product ? productName(ticket.fields.product) : "None"}</dd>
          {ticket.conversationId && (
            <>
              <dt>Chat</dt>
              <dd>
                <Link href={pathFor({ name: "conversation", id: ticket.conversationId })}>Chat transcript</Link>
              </dd>
            </>
          )}
        </dl>
        {actions.length > 0 && (
          <div class="ticket-actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                class={action === "resolve" ? "quiet" : undefined}
                aria-disabled={pending !== null}
                onClick={() => void act(action)}
              >
                {ACTION_LABELS[action]}
              </button>
            ))}
          </div>
        )}
        {actionError && (
          <p class="error" role="alert">
            {actionError.message}
          </p>
        )}
      </section>

      <section class="page-section" aria-labelledby="ticket-sla-heading">
        <h3 id="ticket-sla-heading">SLA</h3>
        <dl class="ticket-facts">
          <dt>First response</dt>
          <dd>{slaText(ticket.sla.response, formatDateTime)}</dd>
          <dt>Workaround</dt>
          <dd>{slaText(ticket.sla.workaround, formatDateTime)}</dd>
        </dl>
      </section>

      <section class="page-section" aria-labelledby="ticket-fields-heading">
        <h3 id="ticket-fields-heading">Details</h3>
        {ticket.missing.length > 0 && (
          <div class="still-needed">
            <p>Still needed for a {PRIORITY_LABELS[ticket.priority].toLowerCase()} ticket:</p>
            <ul>
              {ticket.missing.map((m) => (
                <li key={m.field}>{m.message}</li>
              ))}
            </ul>
          </div>
        )}
        <dl class="ticket-fields">
          {SHOWN_FIELDS.map((field) => (
            <div key={field}>
              <dt>{TICKET_FIELD_LABELS[field]}</dt>
              <dd>
                {field === "reproducedOnTestSystem" ? (
                  REPRODUCED_TEXT[ticket.fields.reproducedOnTestSystem]
                ) : ticket.fields[field] ? (
                  ticket.fields[field]
                ) : (
                  <span class="muted">Not given</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="page-section" aria-labelledby="ticket-timeline-heading">
        <h3 id="ticket-timeline-heading">Timeline</h3>
        <ol class="ticket-timeline">
          {timeline.map((event, i) => (
            <li key={`${event.at}-${i}`}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> · {event.actor.name}: {event.text}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
