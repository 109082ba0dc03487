import type { SupportAddress } from "../config/config.ts";
import { Site, type SiteDoc } from "../sites/site.model.ts";
import { cachedSite, cachedSiteByKey } from "../sites/site-cache.ts";

/** The tag of a ticket's reply address: "support+t-<32 hex>@acme.example". */
const REPLY_TAG = /^t-([a-f0-9]{32})$/;

/** A recipient that is one of the support addresses, and the ticket token its tag carries, if any. */
export interface SupportRecipient {
  entry: SupportAddress;
  /** From "support+t-<token>@…": the ticket's reply token. */
  token: string | null;
}

/**
 * Which site an email belongs to. The rule: the support address it was sent to. Each configured address
 * (SUPPORT_ADDRESSES, "support@acme.example=acme") names its site by key; one without a key belongs to the only
 * site, and is refused when there are several. A ticket's reply address is the support address with a tag,
 * "support+t-<token>@acme.example", so a reply lands in the same site whatever mail server forwards it. Mail to
 * any other address is refused at RCPT TO: the receiver is no relay and no catch-all.
 */
export class SupportAddresses {
  private onlySite: { id: SiteDoc["_id"] | null; at: number } | null = null;

  constructor(readonly entries: readonly SupportAddress[]) {}

  get configured(): boolean {
    return this.entries.length > 0;
  }

  /** The support address `address` is, with its tag's token; null when it is none of them. */
  recipient(address: string): SupportRecipient | null {
    const at = address.lastIndexOf("@");
    if (at <= 0) return null;
    const local = address.slice(0, at).toLowerCase();
    const domain = address.slice(at + 1).toLowerCase();
    const plus = local.indexOf("+");
    const base = plus < 0 ? local : local.slice(0, plus);
    const entry = this.entries.find((e) => e.address === `${base}@${domain}`);
    if (!entry) return null;
    if (plus < 0) return { entry, token: null };
    const tag = REPLY_TAG.exec(local.slice(plus + 1));
    // An unknown tag (support+billing@) is still the support address.
    return { entry, token: tag?.[1] ?? null };
  }

  /** The site an address's mail belongs to; null when its key names no site, or it has none and sites are several. */
  async siteOf(entry: SupportAddress): Promise<SiteDoc | null> {
    if (entry.siteKey) return cachedSiteByKey(entry.siteKey);
    // Sites are few and made rarely: the two first are read at most once a minute, not per email.
    if (!this.onlySite || Date.now() - this.onlySite.at > 60_000) {
      const two = await Site.find({}).select({ _id: 1 }).limit(2).lean<Pick<SiteDoc, "_id">[]>();
      this.onlySite = { id: two.length === 1 ? (two[0]?._id ?? null) : null, at: Date.now() };
    }
    return this.onlySite.id ? cachedSite(this.onlySite.id) : null;
  }

  /** The support address of a site's mail: the one naming its key, else one without a key. */
  addressOf(site: Pick<SiteDoc, "key">): SupportAddress | null {
    return this.entries.find((e) => e.siteKey === site.key) ?? this.entries.find((e) => e.siteKey === null) ?? null;
  }

  /** A ticket's reply address: the site's support address tagged with the ticket's token. */
  replyAddress(entry: SupportAddress, token: string): string {
    const at = entry.address.lastIndexOf("@");
    return `${entry.address.slice(0, at)}+t-${token}${entry.address.slice(at)}`;
  }

  /** The domain Parley's Message-IDs end in: the support address's, which this deployment speaks for. */
  static domainOf(entry: SupportAddress): string {
    return entry.address.slice(entry.address.lastIndexOf("@") + 1);
  }
}
