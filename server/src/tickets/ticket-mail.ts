import type { TicketAlertDto } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { Mailer, OutgoingMail } from "../email/mail.ts";
import { escalationEmail, ticketCreatedEmail, ticketReplyEmail, ticketStatusEmail } from "../email/ticket-emails.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { readSla } from "../sla/sla-clock.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { clockOf } from "./ticket-derived.ts";
import type { TicketMessageDoc } from "./ticket-message.model.ts";
import { formatTicketNumber } from "./ticket-number.ts";

export interface TicketEmails {
  created(ticket: TicketDoc, site: SiteDoc, now: Date): void;
  statusChanged(ticket: TicketDoc, site: SiteDoc, now: Date): void;
  replied(ticket: TicketDoc, message: TicketMessageDoc, site: SiteDoc): void;
  escalated(ticket: TicketDoc, site: SiteDoc, alert: TicketAlertDto, leads: Pick<AgentDoc, "email" | "name">[]): void;
}

/**
 * Which ticket events reach people by email: the requester (when they gave an address) hears of the new
 * ticket, every status change and every staff reply, never internal notes; supervisors and admins hear of
 * escalations. Sends are fire-and-forget: the mailer logs failures and a skipped send (no SMTP_URL).
 */
export function ticketEmails(mailer: Mailer): TicketEmails {
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
  return {
    created(t, site, now) {
      const to = requester(t, site);
      if (!to) return;
      const due = readSla(site.supportHours, clockOf(t.responseClock), now).dueAt?.toISOString() ?? null;
      void sendFor(site)(
        ticketCreatedEmail({
          ...to,
          priority: t.fields.priority,
          responseDueAt: due,
          timeZone: site.supportHours.timeZone,
          agentName: t.assigneeName ?? null,
        }),
      );
    },
    statusChanged(t, site) {
      const to = requester(t, site);
      if (to) void sendFor(site)(ticketStatusEmail({ ...to, status: t.status, agentName: t.assigneeName ?? null }));
    },
    replied(t, message, site) {
      const to = requester(t, site);
      if (!to || message.internal) return;
      void sendFor(site)(
        ticketReplyEmail({ ...to, agentName: message.authorName, reply: { body: message.body, internal: false } }),
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
