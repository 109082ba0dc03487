import { DEFAULT_SUPERVISION_SETTINGS, type SupervisionSettings } from "@parley/shared";
import type { SiteDoc } from "./site.model.ts";

/** A site's alert thresholds; sites stored before supervision existed get the defaults. */
export function supervisionSettingsOf(site: Pick<SiteDoc, "supervision">): SupervisionSettings {
  return { ...DEFAULT_SUPERVISION_SETTINGS, ...(site.supervision ?? {}) };
}
