import { pathFor } from "../router.ts";
import { type Alerts, isUrgent, type ShownAlert } from "../state/alerts.ts";
import { Link } from "./Link.tsx";

interface TicketAlertsProps {
  alerts: Alerts;
  onDismiss: (key: string) => void;
}

/**
 * Tickets that need a lead's attention, as the server sends them (it picks who gets which). Both regions
 * stay mounted so an alert that appears in one is announced: breaches and escalations interrupt
 * (role="alert"), "at risk" waits its turn (role="status").
 */
export function TicketAlerts({ alerts, onDismiss }: TicketAlertsProps) {
  const urgent = alerts.filter((a) => isUrgent(a.alert));
  const calm = alerts.filter((a) => !isUrgent(a.alert));
  return (
    <div class="ticket-alerts">
      <div role="alert">
        {urgent.map((a) => (
          <AlertItem key={a.key} shown={a} onDismiss={onDismiss} />
        ))}
      </div>
      <div role="status">
        {calm.map((a) => (
          <AlertItem key={a.key} shown={a} onDismiss={onDismiss} />
        ))}
      </div>
    </div>
  );
}

function AlertItem({ shown, onDismiss }: { shown: ShownAlert; onDismiss: (key: string) => void }) {
  const { alert } = shown;
  return (
    <p class={`ticket-alert ticket-alert--${alert.kind}`}>
      <Link href={pathFor({ name: "ticket", id: alert.ticketId })}>{alert.number}</Link> <span>{alert.subject}</span>
      {": "}
      <span>{alert.text}</span>{" "}
      <button
        type="button"
        class="link-button"
        aria-label={`Dismiss alert for ${alert.number}`}
        onClick={() => onDismiss(shown.key)}
      >
        Dismiss
      </button>
    </p>
  );
}
