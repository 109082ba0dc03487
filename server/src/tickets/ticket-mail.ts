import type { TicketAlertDto } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { Mailer, OutgoingMail } from "../email/mail.ts";
import { escalationEmail, ticketCreatedEmail, ticketReplyEmail, ticketStatusEmail } from "../email/ticket-emails.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { readSla } from "../sla/sla-clock.ts";
import type { MailThreading } from "./mail-threading.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { clockOf } from "./ticket-derived.ts";
import type { TicketMessageDoc } from "./ticket-message.model.ts";
import { formatTicketNumber } from "./ticket-number.ts";

export interface TicketEmails {
  created(ticket: TicketDoc, site: SiteDoc, now: Date): void;
  statusChanged(ticket: TicketDoc, site: SiteDoc, now: Date): void;
  replied(ticket: TicketDoc, message: TicketMessageDoc, site: SiteDoc): void;
  escalated(ticket: TicketDoc, site: SiteDoc, alert: TicketAlertDto, leads: Pick<AgentDoc, "email" | "name">[]): void;
  /** Resolves once every email started so far has reached the mailer (the server's stop waits, then flushes it). */
  settled(): Promise<void>;
}

/**
 * Which ticket events reach people by email: the requester (when they gave an address) hears of the new
 * ticket, every status change and every staff reply, never internal notes; supervisors and admins hear of
 * escalations. Sends are fire-and-forget: the mailer logs failures and a skipped send (no SMTP_URL).
 *
 * With inbound email set up (`threading`), the requester's emails carry the ticket's reply address and a
 * Message-ID Parley records, so answering one adds to the ticket.
 */
export function ticketEmails(mailer: Mailer, threading?: MailThreading): TicketEmails {
  const sendFor = (site: SiteDoc) => (mail: OutgoingMail) => mailer.send({ ...mail, site: site._id.toHexString() });
  const requester = (t: TicketDoc, site: SiteDoc) =>
    t.requesterEmail
      ? {
          to: t.requesterEmail,
          requesterName: t.requesterName,
          number: formatTicketNumber(t.number),
          subject: t.fields.subject,
          siteName: site.name,
        }
      : null;
  // Threading an email reads and writes the database before the mailer has it: tracked so a stop waits for it.
  const threadingNow = new Set<Promise<unknown>>();
  /** To the requester, threaded when it can be; an email without its reply address beats no email. */
  const toRequester = (t: TicketDoc, site: SiteDoc, compose: (repliesRead: boolean) => OutgoingMail) => {
    if (!threading) {
      void sendFor(site)(compose(false));
      return;
    }
    const sending = threading
      .headersFor(t, site)
      .catch(() => null)
      .then((headers) => sendFor(site)({ ...compose(headers !== null), ...headers }))
      .catch(() => {});
    threadingNow.add(sending);
    void sending.finally(() => threadingNow.delete(sending));
  };
  return {
    settled: async () => {
      while (threadingNow.size > 0) await Promise.allSettled([...threadingNow]);
    },
    created(t, site, now) {
      const to = requester(t, site);
      if (!to) return;
      const due = readSla(site.supportHours, clockOf(t.responseClock), now).dueAt?.toISOString() ?? null;
      toRequester(t, site, (repliesRead) =>
        ticketCreatedEmail({
          ...to,
          repliesRead,
          priority: t.fields.priority,
          responseDueAt: due,
          timeZone: site.supportHours.timeZone,
          agentName: t.assigneeName ?? null,
        }),
      );
    },
    statusChanged(t, site) {
      const to = requester(t, site);
      if (!to) return;
      toRequester(t, site, (repliesRead) =>
        ticketStatusEmail({ ...to, repliesRead, status: t.status, agentName: t.assigneeName ?? null }),
      );
    },
    replied(t, message, site) {
      const to = requester(t, site);
      if (!to || message.internal) return;
      toRequester(t, site, (repliesRead) =>
        ticketReplyEmail({
          ...to,
          repliesRead,
          agentName: message.authorName,
          reply: { body: message.body, internal: false },
        }),
      );
    },
    escalated(t, site, alert, leads) {
      for (const lead of leads) {
        void sendFor(site)(
          escalationEmail({
            to: lead.email,
            supervisorName: lead.name,
            number: formatTicketNumber(t.number),
            subject: t.fields.subject,
            siteName: site.name,
            priority: t.fields.priority,
            status: t.status,
            requesterName: t.requesterName,
            escalatedBy: t.escalation?.by ?? "Parley",
            reason: t.escalation?.reason ?? alert.text,
            responseDueAt: null,
            timeZone: site.supportHours.timeZone,
            assigneeName: t.assigneeName ?? null,
          }),
        );
      }
    },
  };
}
