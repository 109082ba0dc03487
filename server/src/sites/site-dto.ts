import type { SiteSettingsDto } from "@parley/shared";
import type { SiteDoc } from "./site.model.ts";
import { supervisionSettingsOf } from "./supervision-settings.ts";
import { ticketSettingsOf } from "./ticket-settings.ts";
import { visitorGoneSettingsOf } from "./visitor-gone-settings.ts";
import { widgetSettingsOf } from "./widget-settings.ts";

export function toSiteSettingsDto(site: SiteDoc): SiteSettingsDto {
  return {
    key: site.key,
    name: site.name,
    assignmentMode: site.assignmentMode,
    offerTimeoutSeconds: site.offerTimeoutSeconds,
    supportHours: site.supportHours,
    products: site.products.map((p) => ({ id: p.id, name: p.name })),
    tickets: ticketSettingsOf(site),
    supervision: supervisionSettingsOf(site),
    visitorGone: visitorGoneSettingsOf(site),
    widget: widgetSettingsOf(site),
    requireVerifiedIdentity: site.requireVerifiedIdentity === true,
  };
}
