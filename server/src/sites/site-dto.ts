import type { SiteSettingsDto } from "@parley/shared";
import { visitorGoneSettingsOf } from "../conversations/visitor-gone-settings.ts";
import { supervisionSettingsOf } from "../supervision/supervision-settings.ts";
import { ticketSettingsOf } from "../tickets/ticket-settings.ts";
import type { SiteDoc } from "./site.model.ts";
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
  };
}
