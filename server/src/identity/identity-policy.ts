import { AppError } from "../errors/app-error.ts";
import type { SiteDoc } from "../sites/site.model.ts";

/**
 * On a site that requires verified identity, a session minted without one (before the setting was
 * turned on, or from a reopen link) is refused wherever a visitor token is presented, not only when it is minted.
 */
export function requireVerifiedSession(site: Pick<SiteDoc, "requireVerifiedIdentity">, verified: boolean): void {
  if (site.requireVerifiedIdentity && !verified) {
    throw new AppError("IDENTITY_REQUIRED", "This site's chat needs a signed-in user (an identity token)");
  }
}
