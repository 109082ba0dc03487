import type { SiteSettingsDto } from "@parley/shared";

/** The site's settings (`site:get`, kept current by `site:updated`). */
export interface SiteState {
  readonly settings: SiteSettingsDto | null;
  readonly syncing: boolean;
  /** The newest `site:updated` received during a sync: it is at least as new as the sync's answer. */
  readonly held: SiteSettingsDto | null;
}

export const emptySite: SiteState = { settings: null, syncing: false, held: null };

export function siteSyncStarted(state: SiteState): SiteState {
  return { ...state, syncing: true, held: null };
}

export function siteSyncCompleted(state: SiteState, settings: SiteSettingsDto): SiteState {
  return { settings: state.held ?? settings, syncing: false, held: null };
}

export function siteSyncFailed(state: SiteState): SiteState {
  return { settings: state.held ?? state.settings, syncing: false, held: null };
}

/** A `site:updated` event, or the settings an admin command returned. */
export function siteUpdated(state: SiteState, settings: SiteSettingsDto): SiteState {
  return state.syncing ? { ...state, held: settings } : { ...state, settings };
}

/** A product's display name; the id itself when the product is unknown (removed, or settings not loaded). */
export function productName(settings: SiteSettingsDto | null, id: string): string {
  return settings?.products.find((p) => p.id === id)?.name ?? id;
}
