import type { VisitorTicketDto } from "@parley/shared";
import { useLayoutEffect, useRef } from "preact/hooks";
import { ticketsText } from "../i18n/tickets.ts";
import { priorityText, targetLines, ticketStatusText } from "../ticket-wording.ts";

interface Props {
  /** Null until the server has answered. */
  tickets: readonly VisitorTicketDto[] | null;
  now: Date;
  /** Coming back from this ticket: its row gets focus (otherwise the heading does). */
  focusTicket: string | null;
  onOpen: (ticketId: string) => void;
}

export const TICKETS_TITLE_ID = "parley-tickets-title";

export function TicketList({ tickets, now, focusTicket, onOpen }: Props) {
  const section = useRef<HTMLElement>(null);
  const words = ticketsText();
  useLayoutEffect(() => {
    const row = focusTicket && section.current?.querySelector<HTMLElement>(`[data-ticket="${focusTicket}"]`);
    (row || section.current?.querySelector<HTMLElement>("h3"))?.focus();
  }, []);

  return (
    <section class="ticket-list" aria-labelledby={TICKETS_TITLE_ID} ref={section}>
      <h3 class="view-title" id={TICKETS_TITLE_ID} tabIndex={-1} data-autofocus>
        {words.title}
      </h3>
      <div role="status">
        {tickets === null && <p class="notice">{words.loading}</p>}
        {tickets?.length === 0 && <p class="notice">{words.none}</p>}
      </div>
      {tickets && tickets.length > 0 && (
        <ul class="tickets-list">
          {tickets.map((t) => (
            <li key={t.id}>
              <button type="button" class="ticket-row" data-ticket={t.id} onClick={() => onOpen(t.id)}>
                <span class="ticket-name">
                  <span class="number">{t.number}</span> {t.subject}
                </span>
                <span class="ticket-meta">
                  {ticketStatusText(t.status)} · {priorityText(t.priority)}
                </span>
                {targetLines(t, now).map((line) => (
                  <span class="ticket-target" key={line}>
                    {line}
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
