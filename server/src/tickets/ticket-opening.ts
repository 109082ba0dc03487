import type { AttachmentDto, SlaPlan } from "@parley/shared";
import type { Priority } from "@parley/shared/constants";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { slaPlanOf, ticketSettingsOf } from "../sites/ticket-settings.ts";
import { targetMs } from "../sla/working-day.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import type { StoredClock } from "./ticket-derived.ts";
import { coverageOf, type TicketCoverage } from "./ticket-entitlement.ts";
import { nextTicketNumber } from "./ticket-number.ts";
import { keySource } from "./ticket-sources.ts";
import { timingOnSite } from "./ticket-writes.ts";
import { ticketWritten } from "./ticket-written.ts";

/** What a new ticket starts under, whichever way it came in (a chat, an offline request, an email). */
export interface TicketTerms {
  coverage: TicketCoverage;
  plan: SlaPlan;
  responseClock: StoredClock;
  workaroundClock: StoredClock | null;
}

/**
 * The requester's coverage (the policy's free-support window and paid support) and the SLA plan's targets for the
 * priority, both clocks starting now. A site that refuses tickets without entitlement refuses here, before anything
 * is stored for the ticket (an email's files included).
 */
export async function ticketTerms(
  site: SiteDoc,
  requesterEmail: string | null,
  product: string | null,
  priority: Priority,
  now: Date,
): Promise<TicketTerms> {
  const coverage = await coverageOf(site, requesterEmail, product, now);
  if (coverage.entitlement.kind === "none" && ticketSettingsOf(site).refuseUnentitled) {
    throw new AppError(
      "NOT_ENTITLED",
      `${coverage.customer?.name ?? "The customer"}'s free support ended ${coverage.entitlement.freeEndedAt.slice(0, 10)} and they have no paid support; this site refuses such tickets`,
    );
  }
  const plan = slaPlanOf(site, coverage.customer?.slaPlanId);
  const targets = plan.targets[priority];
  const clock = (ms: number): StoredClock => ({ startedAt: now, targetMs: ms, pauses: [], metAt: null });
  return {
    coverage,
    plan,
    responseClock: clock(targetMs(targets.response, site.supportHours)),
    workaroundClock: targets.workaround ? clock(targetMs(targets.workaround, site.supportHours)) : null,
  };
}

/** What the way in decides of a new ticket; the terms, its number and its timing are added here. */
export type NewTicket = Pick<TicketDoc, "fields" | "requesterName" | "requesterEmail"> &
  Partial<
    Pick<
      TicketDoc,
      | "_id"
      | "visitor"
      | "conversation"
      | "offlineRequest"
      | "assignee"
      | "assigneeName"
      | "channel"
      | "unverifiedSender"
      | "needsTriage"
    >
  > & { sourceKey: string; attachments?: AttachmentDto[] };

/**
 * Stores a new ticket under its terms, with its list entry and its source's key. The same source opened twice at
 * once (a chat converted by two agents, an email delivered twice) stores one ticket: the second caller gets the
 * first's, `raced`. (Looked up by its source the slow way: the other caller may not have written the key yet.)
 */
export async function createTicket(
  site: SiteDoc,
  now: Date,
  terms: TicketTerms,
  ticket: NewTicket,
): Promise<{ ticket: TicketDoc; raced: boolean }> {
  const { coverage, plan, responseClock, workaroundClock } = terms;
  const timing = timingOnSite({ status: "new", responseClock, workaroundClock, resolvedAt: null }, site, now);
  try {
    const created = await Ticket.create({
      ...ticket,
      site: site._id,
      number: await nextTicketNumber(site._id),
      status: "new",
      customer: coverage.customer?._id ?? null,
      customerName: coverage.customer?.name ?? null,
      entitlement: coverage.entitlement,
      flagged: coverage.flagged,
      slaPlan: plan.id,
      slaPlanName: plan.name,
      responseClock,
      workaroundClock,
      ...timing,
    });
    const stored = created.toObject() as TicketDoc;
    await Promise.all([ticketWritten(stored, site, now), keySource(stored)]);
    return { ticket: stored, raced: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const raced = await Ticket.findOne({ sourceKey: ticket.sourceKey }).lean<TicketDoc>();
    if (!raced) throw err;
    await keySource(raced);
    return { ticket: raced, raced: true };
  }
}
