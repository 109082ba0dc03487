import { DEFAULT_TICKET_SETTINGS, type SlaPlan, STANDARD_SLA_PLAN, type TicketSettings } from "@parley/shared";
import type { SiteDoc } from "./site.model.ts";

/** A site's ticket settings; sites stored before tickets existed get the defaults. */
export function ticketSettingsOf(site: Pick<SiteDoc, "tickets">): TicketSettings {
  return { ...DEFAULT_TICKET_SETTINGS, ...(site.tickets ?? {}) };
}

/**
 * The plan a ticket runs on. A customer whose plan an admin has since deleted falls back to the standard
 * plan rather than leaving the ticket without targets.
 */
export function slaPlanOf(site: Pick<SiteDoc, "tickets">, planId: string | null | undefined): SlaPlan {
  if (!planId || planId === STANDARD_SLA_PLAN.id) return STANDARD_SLA_PLAN;
  return ticketSettingsOf(site).slaPlans.find((p) => p.id === planId) ?? STANDARD_SLA_PLAN;
}
