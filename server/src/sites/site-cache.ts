import type { Types } from "mongoose";
import { onSiteWritten, Site, type SiteDoc } from "./site.model.ts";

/**
 * Sites in memory: every visitor event and handshake needs its site (origins, products, hours), and a
 * site changes a few times a year. Any write through the Site model in this process forgets them at once (hooks
 * in site.model.ts: the admin pages, tests); a write from another process (the admin command, another node) is
 * seen within STALE_MS.
 */
const STALE_MS = 5_000;

interface Entry {
  site: SiteDoc | null;
  at: number;
}

const byId = new Map<string, Entry>();
const idByKey = new Map<string, { id: string | null; at: number }>();
/** Bumped by every write: a read that began before it must not put what it read back. */
let generation = 0;

function forgetSites(): void {
  generation++;
  byId.clear();
  idByKey.clear();
}
onSiteWritten(forgetSites);

const fresh = (entry: { at: number } | undefined): boolean => entry !== undefined && Date.now() - entry.at < STALE_MS;

export async function cachedSite(id: Types.ObjectId): Promise<SiteDoc | null> {
  const key = id.toHexString();
  const hit = byId.get(key);
  if (hit && fresh(hit)) return hit.site;
  const seen = generation;
  const site = await Site.findById(id).lean<SiteDoc>();
  if (seen === generation) byId.set(key, { site, at: Date.now() });
  return site;
}

/** By the public key the widget names (`data-site`): a scan of the (few) sites once per STALE_MS, not per visitor. */
export async function cachedSiteByKey(siteKey: string): Promise<SiteDoc | null> {
  const hit = idByKey.get(siteKey);
  if (hit && fresh(hit)) {
    if (!hit.id) return null;
    const cached = byId.get(hit.id);
    if (cached && fresh(cached)) return cached.site;
  }
  const seen = generation;
  const site = await Site.findOne({ key: siteKey }).lean<SiteDoc>();
  if (seen === generation) {
    const now = Date.now();
    idByKey.set(siteKey, { id: site?._id.toHexString() ?? null, at: now });
    if (site) byId.set(site._id.toHexString(), { site, at: now });
  }
  return site;
}
