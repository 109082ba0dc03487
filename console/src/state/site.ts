import type { SiteSettingsDto } from "@parley/shared";
import { applyOrHold, type Holding, replayHeld, startHolding } from "./held.ts";

/** The site's settings (`site:get`, kept current by `site:updated`). */
export interface SiteState extends Holding<SiteSettingsDto> {
  readonly settings: SiteSettingsDto | null;
}

export const emptySite: SiteState = { settings: null, syncing: false, held: [] };

export function siteSyncStarted(state: SiteState): SiteState {
  return startHolding(state);
}

// Each update is the whole settings, so replaying the held ones leaves the newest.
export function siteSyncCompleted(state: SiteState, settings: SiteSettingsDto): SiteState {
  return replayHeld(state.held, { ...state, settings }, replace);
}

export function siteSyncFailed(state: SiteState): SiteState {
  return replayHeld(state.held, state, replace);
}

/** A `site:updated` event, or the settings an admin command returned. */
export function siteUpdated(state: SiteState, settings: SiteSettingsDto): SiteState {
  return applyOrHold(state, settings, replace);
}

function replace(state: SiteState, settings: SiteSettingsDto): SiteState {
  return { ...state, settings };
}

/** A product's display name; the id itself when the product is unknown (removed, or settings not loaded). */
export function productName(settings: SiteSettingsDto | null, id: string): string {
  return settings?.products.find((p) => p.id === id)?.name ?? id;
}
