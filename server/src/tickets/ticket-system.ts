import type { TicketAlertDto } from "@parley/shared";
import { type Leases, singleProcessLeases } from "../cluster/leases.ts";
import type { Mailer } from "../email/mail.ts";
import type { Logger } from "../logging/logger.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import type { Clock } from "../time/clock.ts";
import type { MailThreading } from "./mail-threading.ts";
import { SlaWatch } from "./sla-watch.ts";
import { TicketDesk } from "./ticket-desk.ts";
import type { TicketEvents } from "./ticket-events.ts";
import { TicketNotifier } from "./ticket-notifier.ts";

/** The server's notion of now; tests pass a clock they move by hand. */

export interface TicketSystem {
  desk: TicketDesk;
  /** One SLA watch pass now, at the clock's time (tests call it after moving their clock). */
  sweep(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the ticket desk with its notifications (console, widget, email) and the SLA watch. */
export function createTicketSystem(opts: {
  visitors: VisitorNamespace;
  staff: StaffNamespace;
  logger: Logger;
  clock: Clock;
  slaWatchIntervalMs: number;
  /** The watch's timer runs on the node holding its lease (one per cluster). */
  leases?: Leases;
  mailer?: Mailer;
  onAlert?: (kind: TicketAlertDto["kind"]) => void;
  /** Told of new tickets, status changes, replies and alerts (webhooks). */
  events?: TicketEvents;
  /** Inbound email: the requester's emails carry the ticket's reply address. */
  threading?: MailThreading;
}): TicketSystem {
  const notifier = new TicketNotifier(
    opts.staff,
    opts.visitors,
    opts.mailer,
    opts.onAlert,
    opts.events,
    opts.threading,
  );
  const desk = new TicketDesk(notifier, opts.clock);
  const watch = new SlaWatch(desk, opts.slaWatchIntervalMs, opts.logger, opts.leases ?? singleProcessLeases);
  return {
    desk,
    sweep: () => watch.sweep(),
    start: async () => watch.start(),
    stop: async () => {
      await watch.stop();
      // Emails still being threaded reach the mailer before the server flushes and closes it.
      await notifier.emailsSettled();
    },
  };
}
