import { DEFAULT_VISITOR_GONE_SETTINGS, type VisitorGoneSettings } from "@parley/shared";
import type { SiteDoc } from "./site.model.ts";

/** A site's "visitor left" and auto-close minutes; sites stored before these settings existed get the defaults. */
export function visitorGoneSettingsOf(site: Pick<SiteDoc, "visitorGone">): VisitorGoneSettings {
  return { ...DEFAULT_VISITOR_GONE_SETTINGS, ...(site.visitorGone ?? {}) };
}
