import {
  MAX_WEBHOOK_ENDPOINTS,
  type WebhookCreateInput,
  type WebhookEndpointDto,
  type WebhookUpdateInput,
} from "@parley/shared";
import { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import { ForbiddenAddressError, hostOf, publicAddresses, type Resolver } from "./ssrf-guard.ts";
import { type SiteEndpointsDoc, type WebhookEndpointDoc, WebhookEndpoints } from "./webhook-endpoint.model.ts";
import { newWebhookSecret } from "./webhook-signature.ts";

/** Another process's change is seen within this (this process's own at once, and other nodes' at once with Redis). */
const STALE_MS = 5_000;
const WRITE_TRIES = 3;

export const toEndpointDto = (e: WebhookEndpointDoc): WebhookEndpointDto => ({
  id: e._id,
  url: e.url,
  description: e.description ?? "",
  events: [...e.events],
  enabled: e.enabled,
  createdAt: e.createdAt.toISOString(),
  secretCreatedAt: e.secretCreatedAt.toISOString(),
});

/**
 * A site's webhook endpoints: kept in memory per site, because every event of the site (each chat message) asks for
 * them and most sites have none. A write here forgets the site at once, and `changed` tells the other nodes
 * (webhook-system.ts), which forget it too.
 */
export class WebhookEndpointStore {
  private readonly cache = new Map<string, { at: number; endpoints: readonly WebhookEndpointDoc[] }>();
  /** Bumped by every forget: a read that began before it must not put what it read back. */
  private generation = 0;

  constructor(
    private readonly opts: {
      /** Production: endpoints must be https:// and resolve to public addresses only. */
      guarded: boolean;
      clock: () => Date;
      /** Told after each write, with the site's id (the other nodes forget it). */
      changed?: (site: string) => void;
      resolve?: Resolver;
    },
  ) {}

  /** The site's endpoints, from memory when fresh; a miss is one read by primary key. */
  async of(site: string): Promise<readonly WebhookEndpointDoc[]> {
    const hit = this.cache.get(site);
    if (hit && Date.now() - hit.at < STALE_MS) return hit.endpoints;
    const seen = this.generation;
    const doc = await WebhookEndpoints.findById(site).lean<SiteEndpointsDoc>();
    const endpoints = doc?.endpoints ?? [];
    if (seen === this.generation) this.cache.set(site, { at: Date.now(), endpoints });
    return endpoints;
  }

  forget(site: string): void {
    this.generation++;
    this.cache.delete(site);
  }

  async list(site: string): Promise<WebhookEndpointDto[]> {
    const doc = await WebhookEndpoints.findById(site).lean<SiteEndpointsDoc>();
    return (doc?.endpoints ?? []).map(toEndpointDto);
  }

  async create(site: string, input: WebhookCreateInput): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
    await this.checkUrl(input.url);
    const now = this.opts.clock();
    const endpoint: WebhookEndpointDoc = {
      _id: new Types.ObjectId().toHexString(),
      url: input.url,
      description: input.description ?? "",
      events: input.events,
      enabled: true,
      secret: newWebhookSecret(),
      secretCreatedAt: now,
      createdAt: now,
    };
    await this.write(site, (list) => {
      if (list.length >= MAX_WEBHOOK_ENDPOINTS)
        throw new AppError("CONFLICT", `A site can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints`);
      return [...list, endpoint];
    });
    return { endpoint: toEndpointDto(endpoint), secret: endpoint.secret };
  }

  async update(site: string, input: WebhookUpdateInput): Promise<WebhookEndpointDto> {
    if (input.url !== undefined) await this.checkUrl(input.url);
    const list = await this.write(site, (list) =>
      list.map((e) =>
        e._id === input.endpointId
          ? {
              ...e,
              ...(input.url !== undefined ? { url: input.url } : {}),
              ...(input.events !== undefined ? { events: input.events } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
            }
          : e,
      ),
    );
    return toEndpointDto(found(list, input.endpointId));
  }

  async remove(site: string, endpointId: string): Promise<void> {
    await this.write(site, (list) => {
      found(list, endpointId);
      return list.filter((e) => e._id !== endpointId);
    });
  }

  /** A new secret at once: the next attempt is signed with it, and the old one verifies nothing any more. */
  async rotate(site: string, endpointId: string): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
    const secret = newWebhookSecret();
    const now = this.opts.clock();
    const list = await this.write(site, (list) =>
      list.map((e) => (e._id === endpointId ? { ...e, secret, secretCreatedAt: now } : e)),
    );
    return { endpoint: toEndpointDto(found(list, endpointId)), secret };
  }

  /** One endpoint of the site, or NOT_FOUND (read fresh: admins act on what they just saw). */
  async one(site: string, endpointId: string): Promise<WebhookEndpointDoc> {
    const doc = await WebhookEndpoints.findById(site).lean<SiteEndpointsDoc>();
    return found(doc?.endpoints ?? [], endpointId);
  }

  /**
   * https only in production, and a host that resolves to public addresses only, so an admin learns now rather than
   * from a log of refused deliveries. Each attempt checks again (DNS may change): this is for the admin, not the guard.
   */
  private async checkUrl(raw: string): Promise<void> {
    if (!this.opts.guarded) return;
    const url = new URL(raw);
    const refuse = (message: string) => new AppError("BAD_REQUEST", message, { issues: [{ path: "url", message }] });
    if (url.protocol !== "https:") throw refuse("must be an https:// URL");
    try {
      await publicAddresses(hostOf(url), this.opts.resolve);
    } catch (err) {
      if (err instanceof ForbiddenAddressError) throw refuse(err.message);
      throw refuse(`${url.hostname} does not resolve`);
    }
  }

  /** Read, change, compare-and-set on the version; a lost race reads again. */
  private async write(
    site: string,
    change: (list: WebhookEndpointDoc[]) => WebhookEndpointDoc[],
  ): Promise<WebhookEndpointDoc[]> {
    for (let i = 0; i < WRITE_TRIES; i++) {
      const doc = await WebhookEndpoints.findById(site).lean<SiteEndpointsDoc>();
      const version = doc?.version ?? 0;
      const next = change(doc?.endpoints ?? []);
      const won = doc
        ? (
            await WebhookEndpoints.updateOne(
              { _id: site, version },
              { $set: { endpoints: next, version: version + 1 } },
            )
          ).modifiedCount === 1
        : await WebhookEndpoints.create({ _id: site, endpoints: next, version: 1 }).then(
            () => true,
            (err: unknown) => {
              if (isDuplicateKey(err)) return false;
              throw err;
            },
          );
      if (won) {
        this.forget(site);
        this.opts.changed?.(site);
        return next;
      }
    }
    throw new AppError("CONFLICT", "The webhooks changed meanwhile; reload them");
  }
}

function found(list: readonly WebhookEndpointDoc[], endpointId: string): WebhookEndpointDoc {
  const endpoint = list.find((e) => e._id === endpointId);
  if (!endpoint) throw new AppError("NOT_FOUND", "No such webhook endpoint");
  return endpoint;
}
