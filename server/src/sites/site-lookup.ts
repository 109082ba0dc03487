import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import type { SiteDoc } from "./site.model.ts";
import { cachedSite } from "./site-cache.ts";

/** The site a staff member or visitor belongs to; NOT_FOUND if it was deleted under them. */
export async function siteOf(siteId: Types.ObjectId): Promise<SiteDoc> {
  const site = await cachedSite(siteId);
  if (!site) throw new AppError("NOT_FOUND", "Unknown site");
  return site;
}
