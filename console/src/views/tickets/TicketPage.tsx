import type { TicketDto, TicketFields, TicketMessageDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { formatDate, formatDateTime } from "../../format.ts";
import { failureOf } from "../../realtime/socket.ts";
import type { TicketDetail } from "../../realtime/tickets.ts";
import { pathFor } from "../../router.ts";
import type { SessionState } from "../../state/session.ts";
import {
  ACTION_LABELS,
  actionsFor,
  CHANNEL_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  type StaffTicketAction,
  slaText,
} from "../../state/ticket.ts";
import { TICKET_FIELD_LABELS } from "../../state/ticket-form.ts";
import { entitlementText } from "../../state/ticket-list.ts";
import { mergeTicketMessages } from "../../state/ticket-thread.ts";
import { AttachmentLinks } from "../AttachmentLinks.tsx";
import { Link } from "../Link.tsx";
import { useSession } from "../session-context.ts";
import { usePageHeading } from "../usePage.ts";
import { EscalateDialog } from "./EscalateDialog.tsx";
import { MeetingPanel } from "./MeetingPanel.tsx";
import { ReplyComposer, TicketMessages } from "./TicketThread.tsx";

type Loaded = Omit<TicketDetail, "messages"> & { messages: readonly TicketMessageDto[] };

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
  state: SessionState;
  productName: (id: string) => string;
}

/** Statuses from which staff may still escalate (the server has the last word). */
const ESCALATABLE = new Set<TicketDto["status"]>([
  "new",
  "open",
  "waiting_on_customer",
  "workaround_provided",
  "resolved",
]);

/** `/console/tickets/<id>`: one ticket, its SLA counters and timeline, kept live by `ticket:updated`. */
export function TicketPage({ id, state, productName }: TicketPageProps) {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const [actionError, setActionError] = useState<ErrorBody | null>(null);
  const [pending, setPending] = useState<StaffTicketAction | null>(null);
  const [escalating, setEscalating] = useState(false);
  const escalateRef = useRef<HTMLButtonElement>(null);
  const headingRef = usePageHeading(loaded ? `${loaded.ticket.number} · ${loaded.ticket.subject}` : "Ticket");
  // Answers can arrive out of order; only the latest request's answer is applied.
  const requestCount = useRef(0);

  const load = useCallback(async () => {
    const mine = ++requestCount.current;
    const result = await session.tickets.get(id);
    if (mine !== requestCount.current) return;
    if (result.ok) {
      const { ticket, timeline, messages } = result.data;
      // Keep messages that arrived by push while the read was under way.
      setLoaded((before) => ({
        ticket,
        timeline,
        messages: mergeTicketMessages(before?.ticket.id === ticket.id ? before.messages : [], messages ?? []),
      }));
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
    const unwatch = session.tickets.watch(id, () => void load());
    const unlisten = session.tickets.listen({
      message: (message) => {
        if (message.ticketId === id) addMessage(message);
      },
    });
    return () => {
      unwatch();
      unlisten();
    };
  }, [session, id, load]);

  const addMessage = (message: TicketMessageDto) =>
    setLoaded((l) => (l ? { ...l, messages: mergeTicketMessages(l.messages, [message]) } : l));

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

  const { ticket, timeline, messages } = loaded;
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
            {ticket.needsTriage && (
              <>
                {" "}
                <strong class="flag flag--triage">Not stated by the customer: triage</strong>
              </>
            )}
          </dd>
          <dt>Came in by</dt>
          <dd>{CHANNEL_LABELS[ticket.channel]}</dd>
          <dt>Requester</dt>
          <dd>
            {ticket.requester.name}
            {ticket.requester.email && <> ({ticket.requester.email})</>}
            {ticket.unverifiedSender && (
              <>
                {" "}
                <strong class="flag flag--unverified">Unverified sender</strong>
                <span class="flag-why">
                  {" "}
                  This address is no customer's contact, and anyone can send email as any address: check who it is
                  before sharing anything.
                </span>
              </>
            )}
          </dd>
          <dt>Customer</dt>
          <dd>{ticket.customer?.name ?? <span class="muted">No customer record</span>}</dd>
          <dt>Entitlement</dt>
          <dd>
            {entitlementText(ticket.entitlement, formatDate)}
            {ticket.flagged && (
              <>
                {" "}
                <strong class="flag flag--entitlement">Flagged: created without entitlement</strong>
              </>
            )}
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
        {ticket.escalation && (
          <div class="escalation" role="note" aria-label="Escalation">
            <p>
              <strong>Escalated</strong> {ticket.escalation.automatic ? "automatically" : `by ${ticket.escalation.by}`}{" "}
              on <time dateTime={ticket.escalation.at}>{formatDateTime(ticket.escalation.at)}</time>
            </p>
            <p>Reason: {ticket.escalation.reason}</p>
            {ticket.escalation.phone && <p>Contact phone: {ticket.escalation.phone}</p>}
          </div>
        )}
        {ticket.status === "resolved" && (ticket.resolvedAt || ticket.autoCloseAt) && (
          <p class="hint">
            {ticket.resolvedAt && (
              <>
                Resolved on <time dateTime={ticket.resolvedAt}>{formatDateTime(ticket.resolvedAt)}</time>.{" "}
              </>
            )}
            {ticket.autoCloseAt && (
              <>
                Closes automatically on <time dateTime={ticket.autoCloseAt}>{formatDateTime(ticket.autoCloseAt)}</time>{" "}
                unless the customer answers.
              </>
            )}
          </p>
        )}
        {ticket.closedAt && (
          <p class="hint">
            Closed on <time dateTime={ticket.closedAt}>{formatDateTime(ticket.closedAt)}</time>.
          </p>
        )}
        {(actions.length > 0 || ESCALATABLE.has(ticket.status)) && (
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
            {ESCALATABLE.has(ticket.status) && !ticket.escalation && (
              <button
                type="button"
                class="quiet"
                ref={escalateRef}
                aria-haspopup="dialog"
                onClick={() => setEscalating(true)}
              >
                Escalate
              </button>
            )}
          </div>
        )}
        {escalating && (
          <EscalateDialog
            ticket={ticket}
            onClose={() => {
              setEscalating(false);
              escalateRef.current?.focus();
            }}
            onDone={(updated) => {
              setEscalating(false);
              setLoaded((l) => (l ? { ...l, ticket: updated } : l));
              void load();
              headingRef.current?.focus();
            }}
          />
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
          <dt>Plan</dt>
          <dd>{ticket.sla.planName}</dd>
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

      <section class="page-section" aria-labelledby="ticket-messages-heading">
        <h3 id="ticket-messages-heading">Messages</h3>
        <TicketMessages messages={messages} />
        <ReplyComposer ticketId={ticket.id} onSent={addMessage} />
      </section>

      <MeetingPanel
        ticketId={ticket.id}
        canPropose={ticket.status !== "closed"}
        siteTimeZone={state.site.settings?.supportHours.timeZone ?? null}
        onChanged={load}
      />

      <section class="page-section" aria-labelledby="ticket-files-heading">
        <h3 id="ticket-files-heading">Files</h3>
        {ticket.attachments.length === 0 ? (
          <p class="muted">No files yet.</p>
        ) : (
          <AttachmentLinks attachments={ticket.attachments} label={`Files on ${ticket.number}`} />
        )}
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
