import type { TicketAlertDto, TicketStatus } from "@parley/shared";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import type { Mailer } from "../email/mail.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { MailThreading } from "./mail-threading.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { toTicketDto, toTicketMessageDto, toVisitorTicketDto } from "./ticket-dto.ts";
import type { TicketEvents } from "./ticket-events.ts";
import { type TicketEmails, ticketEmails } from "./ticket-mail.ts";
import type { TicketMessageDoc } from "./ticket-message.model.ts";

/** How long a site's list of leads is reused: a new supervisor gets ticket alerts within this. */
const LEADS_STALE_MS = 10_000;

/**
 * Tells everyone who follows a ticket that it changed: the site's consoles, the requester's widget, the
 * requester by email, and for alerts the site's supervisors and admins and the assignee.
 */
export class TicketNotifier {
  private readonly emails: TicketEmails | null;

  constructor(
    private readonly staff: StaffNamespace,
    private readonly visitors: VisitorNamespace,
    mailer: Mailer | undefined,
    /** Told of each alert announced (metrics). */
    private readonly onAlert?: (kind: TicketAlertDto["kind"]) => void,
    private readonly events?: TicketEvents,
    /** Reply addresses and Message-IDs on the requester's emails (inbound email). */
    threading?: MailThreading,
  ) {
    this.emails = mailer ? ticketEmails(mailer, threading) : null;
  }

  /** Resolves once every email this notifier started has reached the mailer (see TicketEmails.settled). */
  emailsSettled(): Promise<void> {
    return this.emails?.settled() ?? Promise.resolve();
  }

  /** A site's supervisors and admins change rarely; an SLA pass alerts them for ticket after ticket. */
  private readonly leads = new Map<
    string,
    { at: number; leads: Promise<Pick<AgentDoc, "_id" | "email" | "name">[]> }
  >();

  private leadsOf(site: TicketDoc["site"]): Promise<Pick<AgentDoc, "_id" | "email" | "name">[]> {
    const key = site.toHexString();
    const hit = this.leads.get(key);
    if (hit && Date.now() - hit.at < LEADS_STALE_MS) return hit.leads;
    const leads = Agent.find({ site, role: { $in: ["supervisor", "admin"] }, disabled: false })
      .select({ _id: 1, email: 1, name: 1 })
      .lean<Pick<AgentDoc, "_id" | "email" | "name">[]>()
      .exec();
    this.leads.set(key, { at: Date.now(), leads });
    leads.catch(() => this.leads.delete(key));
    return leads;
  }

  /** A new ticket, or any change to one; `statusFrom` when its status changed (the requester is emailed). */
  changed(ticket: TicketDoc, site: SiteDoc, now: Date, change: { statusFrom?: TicketStatus; created?: boolean } = {}) {
    this.staff.to(rooms.siteStaff(ticket.site)).emit("ticket:updated", toTicketDto(ticket, site.supportHours, now));
    if (ticket.visitor) {
      this.visitors
        .to(rooms.visitor(ticket.visitor))
        .emit("ticket:updated", toVisitorTicketDto(ticket, site.supportHours, now));
    }
    const statusFrom = change.statusFrom && change.statusFrom !== ticket.status ? change.statusFrom : null;
    if (change.created || statusFrom)
      this.events?.emit("ticket.changed", { ticket, site, now, created: change.created === true, statusFrom });
    if (change.created) this.emails?.created(ticket, site, now);
    else if (change.statusFrom && change.statusFrom !== ticket.status) this.emails?.statusChanged(ticket, site, now);
  }

  /** A reply or a note: staff always see it; the requester never sees notes. */
  message(ticket: TicketDoc, message: TicketMessageDoc, site: SiteDoc) {
    const dto = toTicketMessageDto(message);
    this.staff.to(rooms.siteStaff(ticket.site)).emit("ticket:message", dto);
    this.events?.emit("ticket.message", { ticket, message, site });
    if (message.internal) return;
    if (ticket.visitor) this.visitors.to(rooms.visitor(ticket.visitor)).emit("ticket:message", dto);
    if (message.authorKind === "staff") this.emails?.replied(ticket, message, site);
  }

  /** At risk, breached or escalated: to the site's leads and the assignee, who must act on it. */
  async alert(ticket: TicketDoc, site: SiteDoc, alert: TicketAlertDto): Promise<void> {
    this.onAlert?.(alert.kind);
    this.events?.emit("ticket.alert", { ticket, site, alert });
    const leads = await this.leadsOf(ticket.site);
    const targets = new Set(leads.map((l) => rooms.agent(l._id)));
    if (ticket.assignee) targets.add(rooms.agent(ticket.assignee));
    this.staff.to([...targets]).emit("ticket:alert", alert);
    if (alert.kind === "escalated") this.emails?.escalated(ticket, site, alert, leads);
  }
}
