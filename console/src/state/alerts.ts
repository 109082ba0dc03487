import type { TicketAlertDto } from "@parley/shared";

/** Alerts shown at most at once; the oldest goes first (each links to its ticket, which stays current). */
export const MAX_ALERTS = 5;

export interface ShownAlert {
  /** Stable per alert, for keys and dismissal. */
  readonly key: string;
  readonly alert: TicketAlertDto;
}

export type Alerts = readonly ShownAlert[];

const keyOf = (a: TicketAlertDto) => `${a.ticketId}:${a.kind}:${a.target ?? ""}:${a.at}`;

/** A `ticket:alert` push: the same alert twice (a redelivery) shows once; newest last. */
export function alertReceived(alerts: Alerts, alert: TicketAlertDto): Alerts {
  const key = keyOf(alert);
  if (alerts.some((a) => a.key === key)) return alerts;
  return [...alerts, { key, alert }].slice(-MAX_ALERTS);
}

export function alertDismissed(alerts: Alerts, key: string): Alerts {
  const next = alerts.filter((a) => a.key !== key);
  return next.length === alerts.length ? alerts : next;
}

/** Breaches and escalations interrupt (role="alert"); an "at risk" waits its turn (role="status"). */
export function isUrgent(alert: TicketAlertDto): boolean {
  return alert.kind !== "at_risk";
}
